package dev.ferry.rpa;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One thing a bot does on the screen. Values may hold placeholders ({@link Placeholders}). */
sealed interface Step {

    /** Where in the bot file the step was written, for messages: {@code file:line:column}. */
    String where();

    /** Opens a page, relative to the system's base URL; placeholder values are URL-encoded. */
    record Goto(String url, String where) implements Step {
    }

    /** Types a value into the field (by label, by a caption near it, or by css or xpath). */
    record Fill(Target field, String value, String where) implements Step {
    }

    /** Chooses an option, by its value or its visible text, in the list. */
    record Select(Target field, String option, String where) implements Step {
    }

    /** Ticks the checkbox or radio button, or with {@code checked} false unticks the checkbox. */
    record Check(Target field, boolean checked, String where) implements Step {
    }

    record Click(Target target, String where) implements Step {
    }

    /** Accepts the next JavaScript dialog (confirm/alert); put it before the click that opens it. */
    record AcceptDialog(String where) implements Step {
    }

    /** Waits until the text is on the page. */
    record ExpectText(String text, String where) implements Step {
    }

    /** Reads the text of the target, matches it against the pattern and keeps group 1 as {@code into}. */
    record Extract(Target target, Pattern pattern, String into, String where) implements Step {
    }

    /**
     * Reads the HTML table at (or around) the target into rows keyed by header text, or by the keys of
     * {@code columns} (key to header text) when given; appended to what {@code into} holds already.
     */
    record ExtractTable(Target target, Map<String, String> columns, String into, String where) implements Step {
    }

    /** Keeps a screenshot of the page as {@code <name>.png} with the run's evidence, secret fields masked. */
    record Screenshot(String name, String where) implements Step {
    }

    /** Runs {@code then} when the target is on the page now, else {@code otherwise}. */
    record If(Target exists, List<Step> then, List<Step> otherwise, String where) implements Step {
    }

    /** Runs the steps once for each item of the list {@code items} (one placeholder), the item named {@code as}. */
    record ForEach(String items, String as, List<Step> steps, String where) implements Step {
    }

    /**
     * Ends the run as a data problem ({@link BotFailure#REFUSED}): the system has no such record, or refuses what
     * the input asks; {@code code} is the bot's own word for it, e.g. RECORD_NOT_FOUND.
     */
    record Fail(String code, String reason, String where) implements Step {
    }

    /**
     * Runs the steps until the element is on the page ({@code exists}) or is gone, at most {@code max} rounds; the
     * page is looked at before each round, so steps that are not needed are not run.
     */
    record Repeat(Target until, boolean exists, int max, List<Step> steps, String where) implements Step {
    }

    /**
     * An element, found one way ({@code by}): {@code role} (its ARIA role in {@code value}, accessible name in
     * {@code name}), {@code text}, {@code label} (exact), {@code near} (the first field after this caption, e.g.
     * in the next table cell), {@code css} or {@code xpath}.
     */
    record Target(String by, String value, String name) {

        static Target of(String by, String value) {
            return new Target(by, value, null);
        }
    }
}
