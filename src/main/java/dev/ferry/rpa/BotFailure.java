package dev.ferry.rpa;

/** Why a bot run failed, for machines; transient ones are worth a retry later. */
public enum BotFailure {
    /** The legacy system said it is busy; nothing was done. */
    PORTAL_BUSY(true),
    /** A page or the whole run took too long. */
    TIMEOUT(true),
    /** The legacy system ended the session mid-run; the half-typed work is lost. */
    SESSION_EXPIRED(true),
    /** A field, button or text the bot needs is not on the screen: the screen changed. */
    SCREEN_CHANGED(false),
    /**
     * The system does not offer what the input asks for (a list has no such option): the data must change, and
     * a retry would meet the same list.
     */
    NOT_OFFERED(false),
    /**
     * The system refused the data: its screen showed a message about a field (where the bot's {@code validation:}
     * says messages appear), or the bot's {@code fail:} step found the data wrong for the system (no such record,
     * say). The data must change, and a retry would meet the same answer.
     */
    DATA_REFUSED(false),
    /**
     * Ferry was stopping: the run was cut short between two steps. Not the bot's failure; the run is recorded
     * INTERRUPTED and its order's step is done again after the next start.
     */
    INTERRUPTED(true),
    /** Anything else: bad input, a missing secret, no browser, a bot mistake. */
    BOT_ERROR(false);

    private final boolean transientFailure;

    BotFailure(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }

    /** The system refused the run's data (a field's message, an option it does not offer): correct the data. */
    public boolean dataProblem() {
        return this == DATA_REFUSED || this == NOT_OFFERED;
    }
}
