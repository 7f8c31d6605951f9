package dev.ferry.scheduling;

import java.time.Instant;

/**
 * One fire of a schedule: planned is Quartz's scheduled fire time, items what the route said it did,
 * error plain words. Routes set {@link #ITEMS}; a sync's error handling may set {@link #ERROR}.
 */
public record ScheduleRun(long id, String schedule, Instant plannedAt, Instant startedAt, Instant finishedAt,
        RunOutcome outcome, Integer items, String error, boolean pausedSchedule) {

    /** Exchange property: how many items this run processed (e.g. the orders a pull found). */
    public static final String ITEMS = "ferryScheduleItems";
    /** Exchange property: a failed run's reason in plain words, when the route knows it better than the exception. */
    public static final String ERROR = "ferryScheduleError";
}
