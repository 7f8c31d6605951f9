package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The secrets bots may use, by name, from {@code ferry.rpa.secrets.<name>}; and the masking of a run's texts. */
final class Secrets {

    private final Map<String, String> values;
    private final List<Pattern> spellings;

    Secrets(Map<String, String> values) {
        this.values = values == null ? Map.of() : Map.copyOf(values);
        // longest first, so a secret that contains another is masked whole
        this.spellings = this.values.values().stream().filter(v -> v != null && !v.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Spellings::of).toList();
    }

    Map<String, String> values() {
        return values;
    }

    /**
     * The masking of one run's texts. The run's {@code data} (its input, and its output once there is one) is
     * ordinary data: a secret inside one of its values is part of that value (a customer id that holds the
     * portal's user name), not the secret typed or shown by the page, and stays as it is.
     */
    Masker masker(JsonNode... data) {
        List<Pattern> protectedValues = new ArrayList<>();
        for (JsonNode node : data) {
            if (node != null) {
                collect(node, protectedValues);
            }
        }
        return new Masker(this, spellings, protectedValues);
    }

    /** The text values that hold a secret and more besides: a value that is a secret and nothing else protects nothing. */
    private void collect(JsonNode node, List<Pattern> protectedValues) {
        if (node.isTextual()) {
            String value = node.textValue();
            boolean holdsMore = spellings.stream().map(s -> s.matcher(value))
                    .anyMatch(m -> m.find() && (m.start() > 0 || m.end() < value.length()));
            if (holdsMore) {
                protectedValues.add(Spellings.of(value));
            }
            return;
        }
        node.forEach(child -> collect(child, protectedValues));
    }
}
