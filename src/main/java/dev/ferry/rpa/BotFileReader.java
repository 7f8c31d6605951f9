package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.system.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bot file and checks it before any browser is touched. Every mistake is reported as
 * {@code file:line:column: message}, the line and column being those of the YAML parser.
 */
final class BotFileReader {

    private static final Set<String> TOP = Set.of("name", "system", "description", "concurrency", "secrets", "input",
            "signals", "validation", "steps", "output");

    private final String file;
    private BotYaml yaml;

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

    private Bot read(String text, Path path) {
        yaml = new BotYaml(text, file);
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw yaml.atValue("", "a bot file is a map with name, system, steps, ...");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP.contains(key)) {
                throw yaml.atKey("/" + key, "unknown key '" + key + "'" + Suggestions.hint(key, TOP) + " (known: " + String.join(", ", TOP) + ")");
            }
        });
        String name = yaml.text(root, "", "name");
        String fileName = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!name.equals(fileName)) {
            throw yaml.atValue("/name", "the bot is named '" + name + "' but its file '" + fileName
                    + "': a bot's name is its file name");
        }
        String system = yaml.text(root, "", "system");
        int concurrency = concurrency(root);
        List<String> secrets = secrets(root);
        JsonNode input = root.path("input");
        if (!input.isMissingNode() && !input.isObject()) {
            throw yaml.atValue("/input", "input is a JSON Schema (a map), e.g. { type: object }");
        }
        Bot.Signals signals = signals(root);
        if (!root.has("steps")) {
            throw yaml.atValue("", "the bot has no steps:");
        }
        StepReader reader = new StepReader(yaml, Set.copyOf(secrets), root.get("steps"));
        List<Step> steps = reader.steps(root.get("steps"), "/steps");
        Bot.Validation validation = validation(root, reader);
        Map<String, String> output = new LinkedHashMap<>();
        if (root.has("output")) {
            JsonNode map = root.get("output");
            if (!map.isObject()) {
                throw yaml.atValue("/output", "output maps each field to a value, e.g. trackingNumber: ${extracted.number}");
            }
            map.fieldNames().forEachRemaining(field -> output.put(field, reader.template(map, "/output", field)));
        }
        return new Bot(name, system, root.path("description").asText(""), concurrency, List.copyOf(secrets),
                input.isMissingNode() ? null : input, signals, validation,
                new StepScript(steps, Collections.unmodifiableMap(output)), file);
    }

    private int concurrency(JsonNode root) {
        if (!root.has("concurrency")) {
            return 1;
        }
        JsonNode value = root.get("concurrency");
        if (!value.canConvertToExactIntegral() || value.asInt() < 1) {
            throw yaml.atValue("/concurrency", "concurrency must be a whole number of 1 or more");
        }
        return value.asInt();
    }

    private List<String> secrets(JsonNode root) {
        List<String> names = new ArrayList<>();
        if (root.has("secrets")) {
            JsonNode list = root.get("secrets");
            if (!list.isArray()) {
                throw yaml.atValue("/secrets", "secrets is a list of names, e.g. [portal-password]");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw yaml.atValue("/secrets/" + i, "a secret is named by text");
                }
                names.add(list.get(i).asText());
            }
        }
        return names;
    }

    /** Where the screen shows its messages about the data: read when a step fails, to say what the system refused. */
    private Bot.Validation validation(JsonNode root, StepReader reader) {
        if (!root.has("validation")) {
            return Bot.Validation.NONE;
        }
        JsonNode validation = root.get("validation");
        if (!validation.isObject() || !validation.has("messages")) {
            throw yaml.atValue("/validation", "validation needs messages: the elements in which the screen shows its"
                    + " messages about the data, e.g. { messages: { css: \".error\" }, field: describedBy }");
        }
        yaml.checkKeys(validation, "/validation", Set.of("messages", "field"));
        Step.Target messages = reader.element(validation.get("messages"), "/validation/messages");
        if (!Placeholders.references(messages.value()).isEmpty()
                || messages.name() != null && !Placeholders.references(messages.name()).isEmpty()) {
            throw yaml.atValue("/validation/messages", "the messages are found the same way on every run: no"
                    + " ${placeholders} here");
        }
        String field = yaml.optionalText(validation, "/validation", "field");
        if (field != null && !Bot.Validation.FIELD_WAYS.contains(field)) {
            throw yaml.atValue("/validation/field", "field is describedBy (the field whose aria-describedby names the"
                    + " message) or nearest (the field in the message's table row or group), not '" + field + "'"
                    + Suggestions.hint(field, Bot.Validation.FIELD_WAYS));
        }
        return new Bot.Validation(messages, field);
    }

    private Bot.Signals signals(JsonNode root) {
        if (!root.has("signals")) {
            return Bot.Signals.NONE;
        }
        JsonNode signals = root.get("signals");
        yaml.checkKeys(signals, "/signals", Set.of("busy", "sessionExpired"));
        return new Bot.Signals(yaml.optionalText(signals, "/signals", "busy"),
                yaml.optionalText(signals, "/signals", "sessionExpired"));
    }
}
