package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.options.AriaRole;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads how a step finds its element: one way of role and name, text, label, near, css or xpath. */
final class ElementReader {

    /** The ways to find a field of fill and select; check has all but near. */
    static final List<String> FIELD = List.of("label", "near", "css", "xpath");
    /** The ways to find the element of click, extract, extractTable and a condition; extract has near too. */
    static final List<String> ELEMENT = List.of("role", "text", "css", "xpath");

    private final BotYaml yaml;
    private final BotValues values;

    ElementReader(BotYaml yaml, BotValues values) {
        this.yaml = yaml;
        this.values = values;
    }

    /** An element found exactly one of these {@code ways} (role with name, text, label, near, css, xpath). */
    Step.Target element(JsonNode value, String at, List<String> ways, Set<String> extra) {
        Set<String> allowed = new HashSet<>(ways);
        allowed.addAll(extra);
        if (ways.contains("role")) {
            allowed.add("name");
        }
        yaml.checkKeys(value, at, allowed);
        List<String> given = ways.stream().filter(value::has).toList();
        if (given.size() != 1) {
            String all = String.join(", ", ways).replace("role", "role and name (e.g. role: button, name: Log in)")
                    .replace("near", "near (a caption before the field)").replaceFirst(", ([^,]+)$", " or $1");
            throw yaml.atKey(at, "no selector: give one of " + all);
        }
        String by = given.get(0);
        return switch (by) {
            case "role" -> role(value, at);
            case "css", "xpath" -> selector(value, at, by);
            default -> {
                if (!value.path(by).isValueNode() || value.path(by).asText().isBlank()) {
                    throw yaml.atValue(at + "/" + by, by + " is the text to look for, not empty");
                }
                yield Step.Target.of(by, values.template(value, at, by));
            }
        };
    }

    private Step.Target role(JsonNode value, String at) {
        if (!value.has("name")) {
            throw yaml.atKey(at, "no selector: role needs name, the element's accessible name (e.g. role: button,"
                    + " name: Log in)");
        }
        String role = yaml.text(value, at, "role");
        try {
            AriaRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw yaml.atValue(at + "/role", "unknown role '" + role + "' (e.g. button, link, heading, row, cell)");
        }
        return new Step.Target("role", role, values.template(value, at, "name"));
    }

    /** A css: or xpath: selector, its syntax checked here rather than at the first run. */
    private Step.Target selector(JsonNode value, String at, String by) {
        String selector = values.template(value, at, by);
        String problem = by.equals("css") ? SelectorCheck.css(selector) : SelectorCheck.xpath(selector);
        if (problem != null) {
            throw yaml.atValue(at + "/" + by, by + ": '" + selector + "' is " + problem + (by.equals("css")
                    ? " (check its brackets [ ] ( ) and quotes; Playwright's :has-text(), :text(), :visible and "
                            + ":right-of() may be used)"
                    : " (check its brackets [ ] ( ) and quotes, e.g. "
                            + "//td[text()='Postal code']/following-sibling::td//input)"));
        }
        return Step.Target.of(by, selector);
    }
}
