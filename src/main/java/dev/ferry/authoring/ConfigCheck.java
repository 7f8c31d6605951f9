package dev.ferry.authoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ferry.system.Suggestions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Each setting under {@code ferry.} in a config file that nothing reads: a typo there loses the setting
 * without a word (Spring binds what it knows and ignores the rest), so it is a mistake at the key's line and
 * column, with the setting meant. Only files: an environment variable may be meant for another tool.
 */
final class ConfigCheck {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final SettingsRead settings;

    ConfigCheck(SettingsRead settings) {
        this.settings = settings;
    }

    void check(Path file, String shown, List<Mistake> mistakes) {
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            walk(parser, shown, mistakes);
        } catch (IOException | RuntimeException unreadable) {
            // Spring reports a config file it cannot read, at start, with its own position
        }
    }

    private void walk(JsonParser parser, String shown, List<Mistake> mistakes) throws IOException {
        Deque<String> prefixes = new ArrayDeque<>();
        String field = null;
        Place at = null;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            switch (token) {
                case FIELD_NAME -> {
                    field = parser.currentName();
                    at = place(shown, parser.currentTokenLocation());
                }
                case START_OBJECT -> {
                    if (prefixes.isEmpty() || field == null) {
                        prefixes.push("");
                    } else {
                        String key = join(prefixes.peek(), field);
                        if (parser.nextToken() == JsonToken.END_OBJECT) {
                            report(key, at, mistakes); // an empty map: {} is still a setting
                        } else {
                            prefixes.push(key);
                            field = parser.currentName();
                            at = place(shown, parser.currentTokenLocation());
                        }
                    }
                }
                case END_OBJECT -> prefixes.pop();
                case START_ARRAY -> {
                    // a list is one setting, whatever its items hold
                    report(join(prefixes.peek(), field), at, mistakes);
                    parser.skipChildren();
                }
                default -> {
                    if (token.isScalarValue() && field != null && !prefixes.isEmpty()) {
                        report(join(prefixes.peek(), field), at, mistakes);
                    }
                }
            }
        }
    }

    private void report(String key, Place at, List<Mistake> mistakes) {
        if (!key.startsWith("ferry.") || settings.reads(key)) {
            return;
        }
        String meant = Suggestions.closest(key, settings.names()).orElse(null);
        mistakes.add(at.mistake("unknown setting " + key + (meant == null
                ? ": no code, route or Kamelet of Ferry reads it (its settings: docs/configuration.md)"
                : "; did you mean " + meant + "?")));
    }

    private static String join(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static Place place(String shown, JsonLocation location) {
        return new Place(shown, location.getLineNr(), location.getColumnNr());
    }
}
