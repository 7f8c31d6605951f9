package dev.ferry.authoring;

import dev.ferry.system.Suggestions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each {@code {{key}}} of a route or Kamelet must have a value when Camel resolves it: a key config/ sets for
 * the profiles in use (or the environment), or in a Kamelet one of its own properties. A placeholder with
 * a default ({@code {{key:value}}}) always has one. Read from the file's text, so the place is exact.
 */
final class PlaceholderCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}:]+)(:[^{}]*)?}}");
    // set by Ferry itself before Spring reads config/ (FerryHome)
    private static final Set<String> FERRY_SET = Set.of("ferry.home");

    private final ConfigKeys config;

    PlaceholderCheck(ConfigKeys config) {
        this.config = config;
    }

    /** {@code ownProperties}: a Kamelet's properties, which its template may name; empty for a route. */
    void check(String file, List<String> lines, Set<String> ownProperties, List<Mistake> mistakes) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(line);
            while (placeholder.find()) {
                String key = placeholder.group(1).strip();
                boolean hasDefault = placeholder.group(2) != null;
                if (hasDefault || ownProperties.contains(key) || FERRY_SET.contains(key) || config.has(key)) {
                    continue;
                }
                String meant = Suggestions.hint(key, ownProperties.isEmpty() ? config.keys() : ownProperties);
                mistakes.add(new Mistake(file, i + 1, placeholder.start() + 1, "'{{" + key + "}}' has no value"
                        + meant + ": nothing sets " + key + " for the profiles " + config.profiles()
                        + (ownProperties.isEmpty() ? "" : " and the Kamelet has no such property")
                        + " (set it in config/ or the environment, or give a default: {{" + key + ":value}})"));
            }
        }
    }
}
