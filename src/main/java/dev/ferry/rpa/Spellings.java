package dev.ferry.rpa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Every way a value may be written in what a browser leaves behind, as one regular expression. A character
 * may be written as typed; percent-encoded as URLs and form posts write it (UTF-8 bytes, either case of hex,
 * {@code +} for a space); HTML-escaped as Chromium, Playwright's snapshots and web pages write text and
 * attributes ({@code &amp;}, {@code &#39;}, {@code &#x27;}, {@code &apos;}, {@code &#039;} ...);
 * JSON-escaped ({@code \"}, {@code \/}, or a backslash, u and four hex digits in either case); and these
 * inside one another: a page's HTML inside a trace's JSON, a form post inside JSON, JSON inside an HTML
 * attribute. Each character may take any of its ways on its own, because every writer escapes a different set
 * (Chromium leaves {@code '} as it is where the portal writes {@code &#39;}).
 */
final class Spellings {

    /** Characters a URL or form encoder never escapes. */
    private static final String UNRESERVED = "-._~*";

    private Spellings() {
    }

    /** A pattern that finds the value in any of its spellings. */
    static Pattern of(String value) {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> regex.append(character(c)));
        return Pattern.compile(regex.toString());
    }

    /** One character, percent-encoded or not, then HTML-escaped inside JSON-escaped, or the other way round. */
    private static String character(int c) {
        IntFunction<String> htmlInJson = h -> html(h, j -> json(j, Spellings::literal));
        IntFunction<String> jsonInHtml = j -> json(j, h -> html(h, Spellings::literal));
        return either(List.of(percent(c, htmlInJson), percent(c, jsonInHtml)));
    }

    /** As typed, or as UTF-8 bytes in %XX (either case), or + for a space; each character written by {@code outer}. */
    private static String percent(int c, IntFunction<String> outer) {
        List<String> ways = new ArrayList<>();
        ways.add(outer.apply(c));
        if (!plain(c)) {
            StringBuilder bytes = new StringBuilder();
            for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                bytes.append(outer.apply('%')).append(hex(b & 0xff, 2, outer));
            }
            ways.add(bytes.toString());
        }
        if (c == ' ') {
            ways.add(outer.apply('+'));
        }
        return either(ways);
    }

    /** As typed, by name, or by decimal or hex reference (leading zeros allowed). */
    private static String html(int c, IntFunction<String> outer) {
        List<String> ways = new ArrayList<>();
        ways.add(outer.apply(c));
        if (plain(c)) {
            return either(ways);
        }
        String name = switch (c) {
            case '&' -> "amp";
            case '<' -> "lt";
            case '>' -> "gt";
            case '"' -> "quot";
            case '\'' -> "apos";
            case '\u00a0' -> "nbsp";
            default -> null;
        };
        if (name != null) {
            ways.add(outer.apply('&') + written(name, outer) + outer.apply(';'));
        }
        String zeros = "(?:" + outer.apply('0') + ")*";
        ways.add(outer.apply('&') + outer.apply('#') + zeros + written(Integer.toString(c), outer) + outer.apply(';'));
        ways.add(outer.apply('&') + outer.apply('#') + either(List.of(outer.apply('x'), outer.apply('X'))) + zeros
                + hex(c, 1, outer) + outer.apply(';'));
        return either(ways);
    }

    /**
     * As typed, or escaped: {@code \"}, {@code \\}, {@code \/}, {@code \n} ..., or a backslash, u and four hex
     * digits (a surrogate pair above the BMP).
     */
    private static String json(int c, IntFunction<String> outer) {
        List<String> ways = new ArrayList<>();
        ways.add(outer.apply(c));
        if (plain(c)) {
            return either(ways);
        }
        String backslash = outer.apply('\\');
        String shortEscape = switch (c) {
            case '"' -> "\"";
            case '\\' -> "\\";
            case '/' -> "/";
            case '\b' -> "b";
            case '\f' -> "f";
            case '\n' -> "n";
            case '\r' -> "r";
            case '\t' -> "t";
            default -> null;
        };
        if (shortEscape != null) {
            ways.add(backslash + written(shortEscape, outer));
        }
        StringBuilder unicode = new StringBuilder();
        for (char unit : Character.toChars(c)) {
            unicode.append(backslash).append(outer.apply('u')).append(hex(unit, 4, outer));
        }
        ways.add(unicode.toString());
        return either(ways);
    }

    /** ASCII letters and digits and the unreserved marks: every writer leaves them as they are. */
    private static boolean plain(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0);
    }

    /** The number in hex digits, at least {@code width} of them, each in either case. */
    private static String hex(int number, int width, IntFunction<String> outer) {
        String digits = String.format(Locale.ROOT, "%0" + width + "x", number);
        StringBuilder regex = new StringBuilder();
        digits.chars().forEach(d -> regex.append(Character.isLetter(d)
                ? either(List.of(outer.apply(d), outer.apply(Character.toUpperCase(d)))) : outer.apply(d)));
        return regex.toString();
    }

    private static String written(String text, IntFunction<String> outer) {
        StringBuilder regex = new StringBuilder();
        text.codePoints().forEach(c -> regex.append(outer.apply(c)));
        return regex.toString();
    }

    /** The character as a pattern: ASCII marks behind a backslash, which makes each of them literal. */
    private static String literal(int c) {
        String text = Character.toString(c);
        return c < 128 && !Character.isLetterOrDigit(c) ? "\\" + text : text;
    }

    /**
     * One of the ways, the longest written first: where the value ends, "&amp;" is matched whole rather than
     * its "&" alone.
     */
    private static String either(List<String> ways) {
        Set<String> distinct = new LinkedHashSet<>(ways);
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        List<String> longestFirst = new ArrayList<>(distinct);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return "(?:" + String.join("|", longestFirst) + ")";
    }
}
