package dev.ferry.rpa;

import dev.ferry.connectors.DescribedFailure;
import dev.ferry.connectors.Failure;
import java.util.List;

/**
 * A bot run that failed: a {@link BotFailure} code, a plain-words message (secrets masked), the evidence it
 * could not keep because a secret could not be masked in it, and the run, whose record and evidence the API
 * serves at {@code /api/bots/runs/<id>}.
 */
public class BotRunException extends RuntimeException implements DescribedFailure {

    private final BotFailure code;
    private final String bot;
    private final String detail;
    private final List<String> leftOut;
    private final String run;
    private final boolean located;

    BotRunException(BotFailure code, String bot, String message, String detail) {
        this(code, bot, message, detail, List.of(), null, false);
    }

    private BotRunException(BotFailure code, String bot, String message, String detail, List<String> leftOut,
            String run, boolean located) {
        super(message);
        this.code = code;
        this.bot = bot;
        this.detail = detail;
        this.leftOut = List.copyOf(leftOut);
        this.run = run;
        this.located = located;
    }

    /**
     * A bot failure as an order's journal recorded it, for a rehearsal of the order ({@code ferry replay --dry-run})
     * to meet it again without a browser.
     */
    public static BotRunException recorded(String bot, String reason) {
        return new BotRunException(BotFailure.BOT_ERROR, bot, reason, "recorded answer");
    }

    /** The same failure, its detail starting with the place in the bot file (the innermost step's). */
    BotRunException at(String where) {
        return located ? this : new BotRunException(code, bot, getMessage(), where + ": " + detail, leftOut, run, true);
    }

    /** The same failure, naming the evidence files (or trace entries) left out because a secret stayed in them. */
    BotRunException leftOut(List<String> files) {
        return new BotRunException(code, bot, getMessage(), detail, files, run, located);
    }

    /** The same failure of the run with this id. */
    BotRunException of(String runId) {
        return new BotRunException(code, bot, getMessage(), detail, leftOut, runId, located);
    }

    public BotFailure code() {
        return code;
    }

    public String bot() {
        return bot;
    }

    String detail() {
        return detail;
    }

    /** "Evidence left out ...: page.html." for the run's record; empty when all of it was kept. */
    String leftOutSentence() {
        return leftOut.isEmpty() ? "" : "Evidence left out because a secret could not be masked in it: "
                + String.join(", ", leftOut) + ".";
    }

    @Override
    public Failure failure() {
        return new Failure(code.transientFailure(), getMessage(), "bot " + bot + " " + code + ": " + detail
                + (leftOut.isEmpty() ? "" : "; evidence left out (a secret could not be masked in it): "
                        + String.join(", ", leftOut))
                + (run == null ? "" : "; run: /api/bots/runs/" + run));
    }
}
