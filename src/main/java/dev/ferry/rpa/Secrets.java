package dev.ferry.rpa;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The secrets bots may use, by name, from {@code ferry.rpa.secrets.<name>}; and their masking. */
final class Secrets {

    static final String MASK = "****";

    private final Map<String, String> values;
    private final List<String> byLength;

    Secrets(Map<String, String> values) {
        this.values = values == null ? Map.of() : Map.copyOf(values);
        // longest first, so a secret that contains another is masked whole
        this.byLength = this.values.values().stream().filter(v -> v != null && !v.isEmpty())
                .flatMap(v -> spellings(v).stream()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * The ways a value is written where it may end up: as typed, inside JSON (a trace's action log), in a
     * form post or URL, and in HTML.
     */
    static Set<String> spellings(String value) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(value);
        spellings.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        spellings.add(form);
        spellings.add(form.replace("+", "%20"));
        spellings.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"));
        spellings.removeIf(Objects::isNull);
        return spellings;
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

    /** Whether the bytes hold a secret, UTF-8 encoded, in any of its spellings. */
    boolean revealedIn(byte[] content) {
        String bytes = new String(content, StandardCharsets.ISO_8859_1);
        return byLength.stream().map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .anyMatch(bytes::contains);
    }
}
