package dev.ferry.scheduling;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferry.schedules.<name>}: the cron and time zone of each schedule, which scheduled routes name
 * as {@code quartz:ferry/<name>}, and its policy; a policy key left out takes {@link SchedulePolicy#DEFAULT}.
 */
@ConfigurationProperties("ferry")
record SchedulingSettings(Map<String, Schedule> schedules) {

    SchedulingSettings {
        schedules = schedules == null ? Map.of() : new TreeMap<>(schedules);
    }

    record Schedule(String cron, String timeZone, SchedulePolicy.Overlap overlap, SchedulePolicy.Misfire misfire,
            Integer pauseAfterFailures) {

        SchedulePolicy policy() {
            return new SchedulePolicy(overlap, misfire,
                    pauseAfterFailures == null ? SchedulePolicy.DEFAULT.pauseAfterFailures() : pauseAfterFailures);
        }
    }

    Schedule schedule(String name) {
        return schedules.get(name);
    }
}
