package dev.ferry.rpa;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Masks what is logged on a bot run's thread while it runs: a Java bot's own log lines, or a library's. A line
 * (with its exception) that holds a secret in any spelling is logged again with the run's {@link Masker}, and the
 * original is dropped. Installed on Logback, Spring Boot's logging; with another logging system it does nothing.
 */
final class BotRunLogs extends TurboFilter {

    private static final ThreadLocal<Masker> RUN = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);

    /** Adds the filter to Logback once (a logging reset, as a new Spring context makes, removes it). */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(BotRunLogs.class::isInstance)) {
            BotRunLogs filter = new BotRunLogs();
            filter.setName("bot-run-secrets");
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    /** Masks this thread's log lines with the masker until the returned scope is closed. */
    static Scope during(Masker masker) {
        RUN.set(masker);
        return RUN::remove;
    }

    /** The time a thread's log lines are masked; closing it ends it. */
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        Masker masker = RUN.get();
        // format is null when a logger is only asked whether a level is on
        if (masker == null || format == null || RELOGGING.get() || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        FormattingTuple line = MessageFormatter.arrayFormat(format, params, t);
        // given apart from the arguments, or as the last of them
        Throwable thrown = t != null ? t : line.getThrowable();
        String message = masker.mask(line.getMessage());
        Throwable maskedThrown = masked(thrown, masker);
        if (message.equals(line.getMessage()) && maskedThrown == thrown) {
            return FilterReply.NEUTRAL;
        }
        RELOGGING.set(true);
        try {
            logger.log(marker, Logger.class.getName(), Level.toLocationAwareLoggerInteger(level), message, null,
                    maskedThrown);
        } finally {
            RELOGGING.set(false);
        }
        return FilterReply.DENY;
    }

    /** The same exception when no message in its chain holds a secret, else a copy of the chain with them masked. */
    private static Throwable masked(Throwable thrown, Masker masker) {
        if (thrown == null) {
            return null;
        }
        Throwable cause = masked(thrown.getCause(), masker);
        String message = thrown.getMessage();
        String maskedMessage = masker.mask(message);
        if (cause == thrown.getCause() && (message == null || message.equals(maskedMessage))) {
            return thrown;
        }
        Throwable copy = new MaskedException(thrown.getClass().getName() + (maskedMessage == null ? ""
                : ": " + maskedMessage), cause);
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Logged in place of an exception whose message held a secret: its class name and message, masked. */
    static final class MaskedException extends RuntimeException {

        MaskedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
