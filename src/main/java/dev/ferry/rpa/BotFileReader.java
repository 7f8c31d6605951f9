package dev.ferry.rpa;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a bot file and checks it before any browser is touched. Every mistake is reported as
 * {@code file:line:column: message}, the line and column being those of the YAML parser.
 */
final class BotFileReader {

    static final List<String> STEPS = List.of("goto", "fill", "select", "click", "acceptDialog", "expectText",
            "extract", "if");
    private static final Set<String> TOP = Set.of("name", "system", "description", "concurrency", "secrets", "input",
            "signals", "steps", "output");
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final Map<String, JsonLocation> values = new HashMap<>();
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private Set<String> secrets = Set.of();
    private final Set<String> extracted = new HashSet<>();

    private BotFileReader(String file) {
        this.file = file;
    }

    /** {@code shown} is how the file is named in messages, e.g. {@code rpa-bots/nordic-freight/book-freight.yaml}. */
    static Bot read(Path path, String shown) {
        try {
            return new BotFileReader(shown).read(Files.readString(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bot file " + shown, e);
        }
    }

    static Bot read(String yaml, String shown) {
        return new BotFileReader(shown).read(yaml, Path.of(shown));
    }

    private Bot read(String yaml, Path path) {
        JsonNode root;
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new BotFileException(file + ":1:1: the bot file is empty");
            }
            root = value(parser, "");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BotFileException(file + ":" + (at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid YAML (check the indentation): " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bot(root, path);
    }

    private JsonNode value(JsonParser parser, String pointer) throws IOException {
        values.put(pointer, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = pointer + "/" + name;
                if (object.has(name)) {
                    throw error(parser.currentTokenLocation(), "'" + name + "' is given twice");
                }
                keys.put(child, parser.currentTokenLocation());
                parser.nextToken();
                object.set(name, value(parser, child));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(parser, pointer + "/" + array.size()));
            }
            return array;
        }
        return switch (token) {
            case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(parser.getBooleanValue());
            default -> JsonNodeFactory.instance.nullNode();
        };
    }

    private Bot bot(JsonNode root, Path path) {
        if (!root.isObject()) {
            throw error(values.get(""), "a bot file is a map with name, system, steps, ...");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP.contains(key)) {
                throw error(keys.get("/" + key), "unknown key '" + key + "' (known: " + String.join(", ", TOP) + ")");
            }
        });
        String name = text(root, "", "name");
        String fileName = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!name.equals(fileName)) {
            throw error(values.get("/name"), "the bot is named '" + name + "' but its file '" + fileName
                    + "': a bot's name is its file name");
        }
        String system = text(root, "", "system");
        int concurrency = 1;
        if (root.has("concurrency")) {
            JsonNode value = root.get("concurrency");
            if (!value.canConvertToExactIntegral() || value.asInt() < 1) {
                throw error(values.get("/concurrency"), "concurrency must be a whole number of 1 or more");
            }
            concurrency = value.asInt();
        }
        List<String> secretNames = new ArrayList<>();
        if (root.has("secrets")) {
            JsonNode list = root.get("secrets");
            if (!list.isArray()) {
                throw error(values.get("/secrets"), "secrets is a list of names, e.g. [portal-password]");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw error(values.get("/secrets/" + i), "a secret is named by text");
                }
                secretNames.add(list.get(i).asText());
            }
        }
        secrets = Set.copyOf(secretNames);
        JsonNode input = root.path("input");
        if (!input.isMissingNode() && !input.isObject()) {
            throw error(values.get("/input"), "input is a JSON Schema (a map), e.g. { type: object }");
        }
        Bot.Signals signals = Bot.Signals.NONE;
        if (root.has("signals")) {
            JsonNode s = root.get("signals");
            checkKeys(s, "/signals", Set.of("busy", "sessionExpired"));
            signals = new Bot.Signals(optionalText(s, "/signals", "busy"), optionalText(s, "/signals", "sessionExpired"));
        }
        if (!root.has("steps")) {
            throw error(values.get(""), "the bot has no steps:");
        }
        collectExtracted(root.get("steps"));
        List<Step> steps = steps(root.get("steps"), "/steps");
        Map<String, String> output = new LinkedHashMap<>();
        if (root.has("output")) {
            JsonNode map = root.get("output");
            if (!map.isObject()) {
                throw error(values.get("/output"), "output maps each field to a value, e.g. trackingNumber: ${extracted.number}");
            }
            map.fieldNames().forEachRemaining(field -> output.put(field, template(map, "/output", field)));
        }
        return new Bot(name, system, root.path("description").asText(""), concurrency, List.copyOf(secretNames),
                input.isMissingNode() ? null : input, signals, new StepScript(steps, java.util.Collections.unmodifiableMap(output)), file);
    }

    private void collectExtracted(JsonNode node) {
        if (node.isObject()) {
            JsonNode extract = node.get("extract");
            if (extract != null && extract.path("into").isTextual()) {
                extracted.add(extract.path("into").asText());
            }
        }
        node.elements().forEachRemaining(this::collectExtracted);
    }

    private List<Step> steps(JsonNode list, String pointer) {
        if (!list.isArray() || list.isEmpty()) {
            throw error(values.get(pointer), "steps is a list of steps, each a '- goto: ...' line (or fill, click, ...)");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(list.get(i), pointer + "/" + i));
        }
        return steps;
    }

    private Step step(JsonNode node, String pointer) {
        if (!node.isObject() || node.size() != 1) {
            throw error(values.get(pointer), "a step is one of " + String.join(", ", STEPS)
                    + " with its value, e.g. '- goto: /login'");
        }
        String kind = node.fieldNames().next();
        String at = pointer + "/" + kind;
        String where = where(keys.get(at));
        JsonNode value = node.get(kind);
        return switch (kind) {
            case "goto" -> new Step.Goto(template(node, pointer, kind), where);
            case "fill" -> {
                checkKeys(value, at, Set.of("label", "value"));
                yield new Step.Fill(selector(value, at, "label"), template(value, at, "value"), where);
            }
            case "select" -> {
                checkKeys(value, at, Set.of("label", "option"));
                yield new Step.Select(selector(value, at, "label"), template(value, at, "option"), where);
            }
            case "click" -> new Step.Click(target(value, at, Set.of()), where);
            case "acceptDialog" -> new Step.AcceptDialog(where);
            case "expectText" -> new Step.ExpectText(template(node, pointer, kind), where);
            case "extract" -> {
                Step.Target target = target(value, at, Set.of("pattern", "into"));
                String regex = text(value, at, "pattern");
                Pattern pattern;
                try {
                    pattern = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw error(values.get(at + "/pattern"), "the pattern is not a valid regular expression: "
                            + e.getDescription());
                }
                if (pattern.matcher("").groupCount() < 1) {
                    throw error(values.get(at + "/pattern"), "the pattern needs a group, e.g. 'Number: (NF-\\d+)'");
                }
                yield new Step.Extract(target, pattern, text(value, at, "into"), where);
            }
            case "if" -> {
                checkKeys(value, at, Set.of("exists", "then", "else"));
                if (!value.has("exists")) {
                    throw error(keys.get(at), "if needs exists: a text or a role and name to look for");
                }
                if (!value.has("then")) {
                    throw error(keys.get(at), "if needs then: the steps to run when it exists");
                }
                Step.Target exists = target(value.get("exists"), at + "/exists", Set.of());
                List<Step> then = steps(value.get("then"), at + "/then");
                List<Step> otherwise = value.has("else") ? steps(value.get("else"), at + "/else") : List.of();
                yield new Step.If(exists, then, otherwise, where);
            }
            default -> throw error(keys.get(at), "unknown step '" + kind + "' (known steps: " + String.join(", ", STEPS) + ")");
        };
    }

    private Step.Target target(JsonNode value, String at, Set<String> extra) {
        Set<String> allowed = new HashSet<>(Set.of("role", "name", "text"));
        allowed.addAll(extra);
        checkKeys(value, at, allowed);
        boolean byText = value.has("text");
        boolean byRole = value.has("role") && value.has("name");
        if (byText == byRole) {
            throw error(keys.getOrDefault(at, values.get(at)), "no selector: give role and name (e.g. role: button, "
                    + "name: Log in) or text, not both");
        }
        if (byText) {
            return new Step.Target(null, null, template(value, at, "text"));
        }
        String role = text(value, at, "role");
        try {
            com.microsoft.playwright.options.AriaRole.valueOf(role.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(values.get(at + "/role"), "unknown role '" + role + "' (e.g. button, link, heading, row, cell)");
        }
        return new Step.Target(role, template(value, at, "name"), null);
    }

    /** A label: the required selector of fill and select. */
    private String selector(JsonNode value, String at, String field) {
        if (!value.path(field).isTextual() || value.path(field).asText().isBlank()) {
            throw error(keys.getOrDefault(at, values.get(at)), "no selector: give the field's " + field);
        }
        return template(value, at, field);
    }

    private void checkKeys(JsonNode value, String at, Set<String> allowed) {
        if (!value.isObject()) {
            throw error(values.get(at), "expected a map with " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        value.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw error(keys.get(at + "/" + key), "unknown key '" + key + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
    }

    private String template(JsonNode parent, String pointer, String field) {
        String text = text(parent, pointer, field);
        String problem = Placeholders.problem(text, secrets, extracted);
        if (problem != null) {
            throw error(values.get(pointer + "/" + field), problem);
        }
        return text;
    }

    private String text(JsonNode parent, String pointer, String field) {
        JsonNode value = parent.get(field);
        if (value == null) {
            throw error(values.get(pointer), "'" + field + "' is missing");
        }
        if (!value.isValueNode() || value.isNull()) {
            throw error(values.get(pointer + "/" + field), "'" + field + "' must be text");
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    private String optionalText(JsonNode parent, String pointer, String field) {
        return parent.has(field) ? text(parent, pointer, field) : null;
    }

    private String where(JsonLocation at) {
        return file + ":" + (at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr());
    }

    private BotFileException error(JsonLocation at, String message) {
        return new BotFileException(where(at) + ": " + message);
    }
}
