package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks one run's texts: every spelling ({@link Spellings}) of every secret becomes {@value #MASK}, except
 * inside a value of the run's own data ({@link Secrets#masker}). Made by {@link Secrets#masker}.
 */
final class Masker {

    static final String MASK = "****";

    private final Secrets secrets;
    private final List<Pattern> spellings;
    private final List<Pattern> data;

    Masker(Secrets secrets, List<Pattern> spellings, List<Pattern> data) {
        this.secrets = secrets;
        this.spellings = spellings;
        this.data = data;
    }

    Secrets secrets() {
        return secrets;
    }

    /** The text with every secret masked, in whatever spelling, outside the run's data; null stays null. */
    String mask(String text) {
        if (text == null) {
            return null;
        }
        List<int[]> found = secretsIn(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        for (int[] secret : found) {
            masked.append(text, from, secret[0]).append(MASK);
            from = secret[1];
        }
        return masked.append(text, from, text.length()).toString();
    }

    /** A copy of the JSON with every text value masked. */
    JsonNode mask(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String masked = mask(node.textValue());
            return masked.equals(node.textValue()) ? node : TextNode.valueOf(masked);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> copy.set(field.getKey(), mask(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(mask(item)));
            return copy;
        }
        return node;
    }

    /** Whether the text still holds a secret, in any spelling, outside the run's data. */
    boolean holds(String text) {
        return text != null && !secretsIn(text).isEmpty();
    }

    /**
     * Whether the bytes hold a secret: read as UTF-8 (a broken sequence does not hide the text after it) and as
     * ISO-8859-1, in which older pages are written.
     */
    boolean holds(byte[] content) {
        return holds(new String(content, StandardCharsets.UTF_8)) || holds(new String(content, StandardCharsets.ISO_8859_1));
    }

    /** Where secrets are, as [start, end), in order and not overlapping; none inside a value of the data. */
    private List<int[]> secretsIn(String text) {
        List<int[]> candidates = new ArrayList<>();
        for (Pattern spelling : spellings) {
            Matcher matcher = spelling.matcher(text);
            while (matcher.find()) {
                candidates.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<int[]> data = dataIn(text);
        candidates.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparing(c -> -c[1]));
        List<int[]> found = new ArrayList<>();
        int end = 0;
        for (int[] candidate : candidates) {
            if (candidate[0] >= end && data.stream().noneMatch(d -> d[0] <= candidate[0] && candidate[1] <= d[1])) {
                found.add(candidate);
                end = candidate[1];
            }
        }
        return found;
    }

    private List<int[]> dataIn(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (Pattern value : data) {
            Matcher matcher = value.matcher(text);
            while (matcher.find()) {
                ranges.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        return ranges;
    }
}
