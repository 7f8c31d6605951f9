package dev.ferry.rpa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;

/**
 * The syntax of a bot's {@code css:} and {@code xpath:} selectors, checked without a browser, as Playwright reads
 * them: CSS with Playwright's pseudo-classes ({@code :has-text()}, {@code :text()}, {@code :visible},
 * {@code :right-of()} ...), parts chained with {@code >>}, XPath 1.0 (the browser's). Placeholders count as a word.
 */
final class SelectorCheck {

    /** Playwright's pseudo-classes whose arguments a CSS parser does not take: a selector and a number, or flags. */
    private static final Pattern OWN_FUNCTIONS = Pattern.compile(
            ":(right-of|left-of|above|below|near|nth-match|text-matches)\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern ENGINE = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9_:-]*)=");
    private static final Pattern PARSER_SAYS = Pattern.compile("^(Error in [^.(]+)\\.? *\\(Invalid token \"(.*?)\"\\.");

    private SelectorCheck() {
    }

    /** What is wrong with the CSS selector (as Playwright's {@code css=} engine reads it), or null. */
    static String css(String selector) {
        String text = PLACEHOLDER.matcher(selector).replaceAll("x");
        for (String part : chain(text)) {
            Matcher engine = ENGINE.matcher(part);
            String name = engine.find() ? engine.group(1) : null;
            String body = name == null ? part : part.substring(engine.end());
            String problem;
            if (name == null && (part.strip().startsWith("//") || part.strip().startsWith(".."))) {
                problem = xpath(part);
            } else if (name == null || name.equals("css")) {
                problem = plainCss(body);
            } else {
                // Playwright's other engines (text=, role=, id= ...) are its own: no CSS to check
                problem = name.equals("xpath") ? xpath(body) : null;
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** What is wrong with the XPath expression, or null. */
    static String xpath(String expression) {
        String text = PLACEHOLDER.matcher(expression).replaceAll("x");
        try {
            XPathFactory.newInstance().newXPath().compile(text);
            return null;
        } catch (XPathExpressionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String said = String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
            return "not a valid XPath expression" + (said.isEmpty() || said.equals("null") ? "" : ": " + said);
        }
    }

    private static String plainCss(String selector) {
        String neutral;
        try {
            neutral = neutralized(selector);
        } catch (IllegalArgumentException unbalanced) {
            return unbalanced.getMessage();
        }
        if (neutral.startsWith("!")) {
            return neutral.substring(1);
        }
        List<String> errors = new ArrayList<>();
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) {
            }

            @Override
            public void error(CSSParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(CSSParseException e) {
                errors.add(e.getMessage());
            }
        });
        try {
            if (parser.parseSelectors(neutral) == null && errors.isEmpty()) {
                errors.add("");
            }
        } catch (java.io.IOException | RuntimeException e) {
            errors.add(String.valueOf(e.getMessage()));
        }
        return errors.isEmpty() ? null : "not a valid CSS selector" + words(errors.get(0));
    }

    /** ": error in attribute selector at the end", from the parser's message. */
    private static String words(String message) {
        Matcher said = PARSER_SAYS.matcher(message == null ? "" : message);
        if (!said.find()) {
            return "";
        }
        String token = said.group(2).equals("<EOF>") ? "at the end" : "at '" + said.group(2) + "'";
        return ": " + said.group(1).toLowerCase(java.util.Locale.ROOT) + " " + token;
    }

    /**
     * The selector with each of Playwright's own functions' arguments checked and replaced by a word the CSS
     * parser takes; "!problem" when an argument that is a selector is wrong.
     */
    private static String neutralized(String selector) {
        StringBuilder out = new StringBuilder();
        Matcher own = OWN_FUNCTIONS.matcher(selector);
        int from = 0;
        while (own.find(from)) {
            int close = closing(selector, own.end());
            out.append(selector, from, own.end()).append("x)");
            String argument = selector.substring(own.end(), close);
            if (!own.group(1).equals("text-matches")) {
                String inner = argument.replaceFirst(",\\s*\\d+\\s*$", "");
                String problem = css(inner);
                if (problem != null) {
                    return "!" + problem + " (in :" + own.group(1) + "())";
                }
            }
            from = close + 1;
        }
        return out.append(selector.substring(from)).toString();
    }

    /** The index of the ')' that closes the parenthesis opened just before {@code start}, quotes skipped. */
    private static int closing(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i = pastQuote(text, i) + 1) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a valid CSS selector: a '(' is never closed");
    }

    /** The parts of a selector chained with {@code >>} (outside quotes), as Playwright splits it. */
    private static List<String> chain(String selector) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < selector.length(); i = pastQuote(selector, i) + 1) {
            if (selector.startsWith(">>", i)) {
                parts.add(selector.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }

    /**
     * Where a quoted text that starts at {@code i} ends (its closing quote, a backslash escaping the next
     * character), or the end of the text when it is never closed; {@code i} itself when no quote starts there.
     */
    private static int pastQuote(String text, int i) {
        char quote = text.charAt(i);
        if (quote != '"' && quote != '\'') {
            return i;
        }
        for (int j = i + 1; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == quote) {
                return j;
            }
        }
        return text.length();
    }
}
