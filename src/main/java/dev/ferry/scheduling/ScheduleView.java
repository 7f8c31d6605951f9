package dev.ferry.scheduling;

import java.time.Instant;

/** One schedule as the API and the page show it: its trigger as Quartz holds it, its policy and its newest run. */
record ScheduleView(String name, String cron, String timeZone, Instant nextFireTime, Instant previousFireTime,
        String state, SchedulePolicy policy, ScheduleRun lastRun) {

    /** Quartz's state of a configured schedule that no route starts with. */
    static final String NONE = "NONE";

    boolean inUse() {
        return !NONE.equals(state);
    }
}
