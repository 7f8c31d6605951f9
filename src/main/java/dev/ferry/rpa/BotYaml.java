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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bot file parsed into a tree that remembers where each key and value was written, so every mistake
 * can be reported as {@code file:line:column: message}. Places are named by JSON pointer ({@code /steps/0/fill}).
 */
final class BotYaml {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final Map<String, JsonLocation> values = new HashMap<>();
    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final JsonNode root;

    /** {@code file} is how the file is named in messages. */
    BotYaml(String yaml, String file) {
        this.file = file;
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
    }

    JsonNode root() {
        return root;
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

    /** The text of {@code parent}'s {@code field}; numbers are written out, anything else is a mistake. */
    String text(JsonNode parent, String pointer, String field) {
        JsonNode value = parent.get(field);
        if (value == null) {
            throw atValue(pointer, "'" + field + "' is missing");
        }
        if (!value.isValueNode() || value.isNull()) {
            throw atValue(pointer + "/" + field, "'" + field + "' must be text");
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    String optionalText(JsonNode parent, String pointer, String field) {
        return parent.has(field) ? text(parent, pointer, field) : null;
    }

    /** Fails unless the value is a map whose keys are all allowed. */
    void checkKeys(JsonNode value, String pointer, Set<String> allowed) {
        if (!value.isObject()) {
            throw atValue(pointer, "expected a map with " + String.join(", ", new TreeSet<>(allowed)));
        }
        value.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw atKey(pointer + "/" + key, "unknown key '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }

    /** {@code file:line:column} of the key at this pointer (of its value where there is no key). */
    String whereKey(String pointer) {
        return where(keys.getOrDefault(pointer, values.get(pointer)));
    }

    /** A mistake reported at the value at this pointer. */
    BotFileException atValue(String pointer, String message) {
        return error(values.get(pointer), message);
    }

    /** A mistake reported at the key at this pointer (at its value where there is no key). */
    BotFileException atKey(String pointer, String message) {
        return error(keys.getOrDefault(pointer, values.get(pointer)), message);
    }

    private String where(JsonLocation at) {
        return file + ":" + (at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr());
    }

    private BotFileException error(JsonLocation at, String message) {
        return new BotFileException(where(at) + ": " + message);
    }
}
