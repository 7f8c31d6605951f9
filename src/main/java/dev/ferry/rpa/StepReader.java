package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.system.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code steps:} of a bot file into {@link Step}s, and checks the placeholders of its values. */
final class StepReader {

    static final List<String> STEPS = List.of("goto", "fill", "select", "check", "click", "acceptDialog", "expectText",
            "extract", "extractTable", "screenshot", "if", "forEach", "repeat", "fail");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final BotYaml yaml;
    private final BotValues values;
    private final ElementReader elements;

    /** {@code steps} is the whole list, so a value may name what any extract step fills. */
    StepReader(BotYaml yaml, Set<String> secrets, JsonNode steps) {
        this.yaml = yaml;
        this.values = new BotValues(yaml, secrets, steps);
        this.elements = new ElementReader(yaml, values);
    }

    List<Step> steps(JsonNode list, String pointer) {
        if (!list.isArray() || list.isEmpty()) {
            throw yaml.atValue(pointer, "steps is a list of steps, each a '- goto: ...' line (or fill, click, ...)");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(list.get(i), pointer + "/" + i));
        }
        return steps;
    }

    private Step step(JsonNode node, String pointer) {
        if (!node.isObject() || node.size() != 1) {
            throw yaml.atValue(pointer, "a step is one of " + String.join(", ", STEPS)
                    + " with its value, e.g. '- goto: /login'");
        }
        String kind = node.fieldNames().next();
        String at = pointer + "/" + kind;
        String where = yaml.whereKey(at);
        JsonNode value = node.get(kind);
        return switch (kind) {
            case "goto" -> new Step.Goto(template(node, pointer, kind), where);
            case "fill" -> new Step.Fill(elements.element(value, at, ElementReader.FIELD, Set.of("value")), template(value, at, "value"),
                    where);
            case "select" -> new Step.Select(elements.element(value, at, ElementReader.FIELD, Set.of("option")),
                    template(value, at, "option"), where);
            case "check" -> {
                Step.Target label = elements.element(value, at, List.of("label", "css", "xpath"), Set.of("checked"));
                JsonNode checked = value.path("checked");
                if (!checked.isMissingNode() && !checked.isBoolean()) {
                    throw yaml.atValue(at + "/checked", "checked is true (tick) or false (untick)");
                }
                yield new Step.Check(label, checked.asBoolean(true), where);
            }
            case "click" -> new Step.Click(elements.element(value, at, ElementReader.ELEMENT, Set.of()), where);
            case "acceptDialog" -> new Step.AcceptDialog(where);
            case "expectText" -> new Step.ExpectText(template(node, pointer, kind), where);
            case "extract" -> extract(value, at, where);
            case "extractTable" -> extractTable(value, at, where);
            case "screenshot" -> screenshot(yaml.text(node, pointer, kind), at, where);
            case "if" -> condition(value, at, where);
            case "forEach" -> forEach(value, at, where);
            case "repeat" -> repeat(value, at, where);
            case "fail" -> fail(value, at, where);
            default -> throw yaml.atKey(at, "unknown step '" + kind + "'" + Suggestions.hint(kind, STEPS) + " (known steps: " + String.join(", ", STEPS) + ")");
        };
    }

    private Step extract(JsonNode value, String at, String where) {
        List<String> ways = new ArrayList<>(ElementReader.ELEMENT);
        ways.add("near");
        Step.Target target = elements.element(value, at, ways, Set.of("pattern", "into"));
        String regex = yaml.text(value, at, "pattern");
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw yaml.atValue(at + "/pattern", "the pattern is not a valid regular expression: " + e.getDescription());
        }
        if (pattern.matcher("").groupCount() < 1) {
            throw yaml.atValue(at + "/pattern", "the pattern needs a group, e.g. 'Number: (NF-\\d+)'");
        }
        return new Step.Extract(target, pattern, yaml.text(value, at, "into"), where);
    }

    private Step extractTable(JsonNode value, String at, String where) {
        Step.Target target = elements.element(value, at, ElementReader.ELEMENT, Set.of("columns", "into"));
        Map<String, String> columns = new LinkedHashMap<>();
        if (value.has("columns")) {
            JsonNode map = value.get("columns");
            if (!map.isObject() || map.isEmpty()) {
                throw yaml.atValue(at + "/columns", "columns maps each name to a column's header text, "
                        + "e.g. { status: \"Status\" }");
            }
            map.fieldNames().forEachRemaining(name -> {
                String header = TableReader.header(yaml.text(map, at + "/columns", name));
                if (header.isEmpty()) {
                    throw yaml.atValue(at + "/columns/" + name, "the header text of column '" + name + "' is empty");
                }
                columns.put(name, header);
            });
        }
        return new Step.ExtractTable(target, Collections.unmodifiableMap(columns), yaml.text(value, at, "into"), where);
    }

    private Step screenshot(String name, String at, String where) {
        if (!BotSession.IMAGE_NAME.matcher(name).matches()) {
            throw yaml.atValue(at, "a screenshot is named with lower-case letters, digits and '-', e.g. after-login; "
                    + "not '" + name + "'");
        }
        if (name.equals("screenshot")) {
            throw yaml.atValue(at, "'screenshot' is the name of a failed run's screenshot: pick another, "
                    + "e.g. before-booking");
        }
        return new Step.Screenshot(name, where);
    }

    private Step condition(JsonNode value, String at, String where) {
        yaml.checkKeys(value, at, Set.of("exists", "then", "else"));
        if (!value.has("exists")) {
            throw yaml.atKey(at, "if needs exists: a text or a role and name to look for");
        }
        if (!value.has("then")) {
            throw yaml.atKey(at, "if needs then: the steps to run when it exists");
        }
        Step.Target exists = elements.element(value.get("exists"), at + "/exists", ElementReader.ELEMENT, Set.of());
        List<Step> then = steps(value.get("then"), at + "/then");
        List<Step> otherwise = value.has("else") ? steps(value.get("else"), at + "/else") : List.of();
        return new Step.If(exists, then, otherwise, where);
    }

    private Step forEach(JsonNode value, String at, String where) {
        yaml.checkKeys(value, at, Set.of("items", "as", "steps"));
        for (String key : List.of("items", "as", "steps")) {
            if (!value.has(key)) {
                throw yaml.atKey(at, "forEach needs items (a list, e.g. \"${input.lines}\"), as (the item's name "
                        + "in its steps, e.g. line) and steps; " + key + " is missing");
            }
        }
        String list = template(value, at, "items");
        if (!Placeholders.single(list)) {
            throw yaml.atValue(at + "/items", "items is one placeholder naming a list, e.g. \"${input.lines}\"");
        }
        String as = yaml.text(value, at, "as");
        if (!ITEM_NAME.matcher(as).matches()) {
            throw yaml.atValue(at + "/as", "as names the item with letters, digits, '_' and '-', starting with a "
                    + "letter, e.g. line; not '" + as + "'");
        }
        if (Placeholders.ROOTS.contains(as)) {
            throw yaml.atValue(at + "/as", "as: " + as + " would hide ${" + as + ".…}: name the item otherwise, "
                    + "e.g. line");
        }
        if (values.inLoopOf(as)) {
            throw yaml.atValue(at + "/as", "as: " + as + " is already the item of a forEach around this one: "
                    + "name this item otherwise");
        }
        return new Step.ForEach(list, as, values.inLoop(as, () -> steps(value.get("steps"), at + "/steps")), where);
    }

    private Step repeat(JsonNode value, String at, String where) {
        yaml.checkKeys(value, at, Set.of("until", "max", "steps"));
        for (String key : List.of("until", "max", "steps")) {
            if (!value.has(key)) {
                throw yaml.atKey(at, "repeat needs until (exists: or missing: an element, as if's exists), max (the "
                        + "most rounds, e.g. 20) and steps; " + key + " is missing");
            }
        }
        JsonNode until = value.get("until");
        yaml.checkKeys(until, at + "/until", Set.of("exists", "missing"));
        if (until.size() != 1) {
            throw yaml.atValue(at + "/until", "until is exists: or missing: an element, e.g. { missing: { role: link,"
                    + " name: Next } }");
        }
        String how = until.fieldNames().next();
        Step.Target element = elements.element(until.get(how), at + "/until/" + how, ElementReader.ELEMENT, Set.of());
        JsonNode max = value.get("max");
        if (!max.canConvertToExactIntegral() || max.asInt() < 1 || max.asInt() > 1000) {
            throw yaml.atValue(at + "/max", "max is the most rounds the steps may run, a whole number from 1 to 1000");
        }
        return new Step.Repeat(element, how.equals("exists"), max.asInt(), steps(value.get("steps"), at + "/steps"),
                where);
    }

    private Step fail(JsonNode value, String at, String where) {
        yaml.checkKeys(value, at, Set.of("code", "reason"));
        if (!value.has("code") || !value.has("reason")) {
            throw yaml.atKey(at, "fail needs code (e.g. RECORD_NOT_FOUND) and reason (words for the people who"
                    + " correct the data, e.g. \"No consignment ${input.orderId}\")");
        }
        String code = yaml.text(value, at, "code");
        if (!CODE.matcher(code).matches()) {
            throw yaml.atValue(at + "/code", "a code is upper-case letters, digits and '_', e.g. RECORD_NOT_FOUND;"
                    + " not '" + code + "'");
        }
        return new Step.Fail(code, template(value, at, "reason"), where);
    }

    /** An element found one of the ways of click (role and name, text, css, xpath), outside the steps. */
    Step.Target element(JsonNode value, String at) {
        return elements.element(value, at, ElementReader.ELEMENT, Set.of());
    }

    String template(JsonNode parent, String pointer, String field) {
        return values.template(parent, pointer, field);
    }
}
