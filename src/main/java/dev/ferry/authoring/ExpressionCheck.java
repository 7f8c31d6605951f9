package dev.ferry.authoring;

import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ExpressionIllegalSyntaxException;
import org.apache.camel.spi.Language;

/**
 * Simple and jq expressions parsed by the languages Ferry runs them with, so a broken one is reported where
 * it is written instead of failing every order that reaches it. Other languages are left to run time.
 */
final class ExpressionCheck {

    private static final Set<String> PARSED = Set.of("simple", "jq");

    private final CamelContext camel;

    ExpressionCheck(CamelContext camel) {
        this.camel = camel;
    }

    void check(String language, String text, Place place, List<Mistake> mistakes) {
        if (language == null || !PARSED.contains(language)) {
            return;
        }
        try {
            Language parser = camel.resolveLanguage(language);
            parser.createExpression(text);
        } catch (ExpressionIllegalSyntaxException e) {
            mistakes.add(place.mistake(name(language) + " expression does not parse: " + firstLine(e.getMessage())));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            mistakes.add(place.mistake(name(language) + " expression does not parse: "
                    + firstLine(cause.getMessage())));
        }
    }

    private static String name(String language) {
        return language.equals("jq") ? "The jq" : "The Simple";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
