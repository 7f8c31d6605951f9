package dev.ferry.rpa;

import dev.ferry.connectors.DescribedFailure;
import dev.ferry.connectors.Failure;
import java.nio.file.Path;

/**
 * A bot run that failed: a {@link BotFailure} code, a plain-words message (secrets masked) and,
 * where the browser got that far, the folder with the screenshot and page HTML of the failure.
 */
public class BotRunException extends RuntimeException implements DescribedFailure {

    private final BotFailure code;
    private final String bot;
    private final String detail;
    private final transient Path evidence;
    private final boolean located;

    BotRunException(BotFailure code, String bot, String message, String detail, Path evidence) {
        this(code, bot, message, detail, evidence, false);
    }

    private BotRunException(BotFailure code, String bot, String message, String detail, Path evidence,
            boolean located) {
        super(message);
        this.code = code;
        this.bot = bot;
        this.detail = detail;
        this.evidence = evidence;
        this.located = located;
    }

    /** The same failure, its detail starting with the place in the bot file (the innermost step's). */
    BotRunException at(String where) {
        return located ? this : new BotRunException(code, bot, getMessage(), where + ": " + detail, evidence, true);
    }

    /** The same failure, with the folder of its evidence. */
    BotRunException withEvidence(Path folder) {
        return new BotRunException(code, bot, getMessage(), detail, folder, located);
    }

    public BotFailure code() {
        return code;
    }

    public String bot() {
        return bot;
    }

    /** The folder holding screenshot.png and page.html of the failure, or null. */
    public Path evidence() {
        return evidence;
    }

    String detail() {
        return detail;
    }

    @Override
    public Failure failure() {
        return new Failure(code.transientFailure(), getMessage(), "bot " + bot + " " + code + ": " + detail
                + (evidence == null ? "" : "; evidence in " + evidence));
    }
}
