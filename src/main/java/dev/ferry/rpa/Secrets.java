package dev.ferry.rpa;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The secrets bots may use, by name, from {@code ferry.rpa.secrets.<name>}; and their masking. */
final class Secrets {

    static final String MASK = "****";

    private final Map<String, String> values;
    private final List<String> byLength;

    Secrets(Map<String, String> values) {
        this.values = values == null ? Map.of() : Map.copyOf(values);
        // longest first, so a secret that contains another is masked whole
        this.byLength = this.values.values().stream().filter(v -> v != null && !v.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    Map<String, String> values() {
        return values;
    }

    /** The text with every configured secret value replaced by {@value #MASK}. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : byLength) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
