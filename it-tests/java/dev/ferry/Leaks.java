package dev.ferry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a secret in a text however it was written there: as typed; HTML-escaped (named, decimal or hex
 * references); JSON-escaped (with {@code \\uXXXX} too); percent-encoded in either case, with {@code +} or
 * {@code %20} for a space; and each of these inside the others (a page's HTML inside a trace's JSON). The text
 * is decoded every way, one decoding after another, and the secret looked for in each result, so a spelling no
 * list thought of is found as well.
 */
final class Leaks {

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\(?:u([0-9a-fA-F]{4})|([\"\\\\/bfnrt]))");
    private static final Pattern PERCENT = Pattern.compile("(?:%[0-9a-fA-F]{2})+|\\+");

    private static final Map<String, UnaryOperator<String>> DECODINGS = new LinkedHashMap<>();

    static {
        DECODINGS.put("HTML", Leaks::html);
        DECODINGS.put("JSON", Leaks::json);
        DECODINGS.put("percent", text -> percent(text, false));
        DECODINGS.put("form", text -> percent(text, true));
    }

    private Leaks() {
    }

    /**
     * Where the text holds one of the secrets (name to value), as lines for an assertion message; empty when
     * none. Occurrences of {@code data} (values that contain a secret on purpose, such as a customer id) are cut
     * out of every decoding first, so what is found is a secret outside them.
     */
    static List<String> in(String where, String text, Map<String, String> secrets, List<String> data) {
        List<String> found = new ArrayList<>();
        look(where, text, List.of(), secrets, data, found);
        return found;
    }

    static List<String> in(String where, String text, Map<String, String> secrets) {
        return in(where, text, secrets, List.of());
    }

    private static void look(String where, String text, List<String> chain, Map<String, String> secrets,
            List<String> data, List<String> found) {
        String searched = text;
        for (String value : data) {
            searched = searched.replace(value, "");
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            int at = searched.indexOf(secret.getValue());
            if (at >= 0) {
                found.add(where + ": " + secret.getKey() + (chain.isEmpty() ? " as typed" : " after " + chain
                        + " decoding") + ", in '" + searched.substring(Math.max(0, at - 60),
                        Math.min(searched.length(), at + secret.getValue().length() + 60)) + "'");
                return;
            }
        }
        // three layers deep: a form post inside a trace's JSON inside ... is as far as evidence nests
        if (chain.size() == 3) {
            return;
        }
        for (Map.Entry<String, UnaryOperator<String>> decoding : DECODINGS.entrySet()) {
            if (chain.contains(decoding.getKey())) {
                continue;
            }
            String decoded = decoding.getValue().apply(text);
            if (!decoded.equals(text)) {
                List<String> next = new ArrayList<>(chain);
                next.add(decoding.getKey());
                look(where, decoded, next, secrets, data, found);
                if (!found.isEmpty()) {
                    return;
                }
            }
        }
    }

    private static String html(String text) {
        return replace(ENTITY, text, m -> {
            int code = m.group(1) != null ? Integer.parseInt(m.group(1))
                    : m.group(2) != null ? Integer.parseInt(m.group(2), 16) : -1;
            if (code >= 0) {
                return Character.isValidCodePoint(code) ? Character.toString(code) : m.group();
            }
            return NAMED.getOrDefault(m.group(3), m.group());
        });
    }

    private static String json(String text) {
        return replace(JSON_ESCAPE, text, m -> {
            if (m.group(1) != null) {
                return String.valueOf((char) Integer.parseInt(m.group(1), 16));
            }
            return switch (m.group(2)) {
                case "b" -> "\b";
                case "f" -> "\f";
                case "n" -> "\n";
                case "r" -> "\r";
                case "t" -> "\t";
                default -> m.group(2);
            };
        });
    }

    /** Runs of %XX as UTF-8 bytes; with {@code form}, a + is a space. Anything that is not an escape stays. */
    private static String percent(String text, boolean form) {
        return replace(PERCENT, text, m -> {
            String run = m.group();
            if (run.equals("+")) {
                return form ? " " : run;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < run.length(); i += 3) {
                bytes.write(Integer.parseInt(run.substring(i + 1, i + 3), 16));
            }
            return bytes.toString(StandardCharsets.UTF_8);
        });
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
