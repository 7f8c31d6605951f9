package dev.ferry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulePageViewTests {

    private static final Instant T = Instant.parse("2026-11-28T16:12:20Z");

    @Test
    void durationsAreAsPreciseAsAPersonComparingRunsNeeds() {
        assertThat(SchedulePageView.duration(T, T.plusMillis(40))).isEqualTo("under 0.1 s");
        assertThat(SchedulePageView.duration(T, T.plusMillis(391))).isEqualTo("0.4 s");
        assertThat(SchedulePageView.duration(T, T.plusSeconds(12))).isEqualTo("12 s");
        assertThat(SchedulePageView.duration(T, T.plusSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(SchedulePageView.duration(T, T.plusSeconds(3780))).isEqualTo("1 h 3 min");
    }

    @Test
    void aRunThatPausedItsScheduleSaysSoAfterItsError() {
        ScheduleRun run = new ScheduleRun(7, "crm-order-pull", T, T, T.plusSeconds(1), RunOutcome.FAILED, null,
                "The CRM did not answer.", true);

        SchedulePageView.Run shown = SchedulePageView.run(run, T.plusSeconds(5));

        assertThat(shown.error()).isEqualTo("The CRM did not answer. This run paused the schedule.");
        assertThat(shown.outcomeWords()).isEqualTo("Failed");
        assertThat(shown.failed()).isTrue();
        assertThat(shown.items()).isEmpty();
    }

    @Test
    void aRunStillGoingSaysForHowLong() {
        ScheduleRun run = new ScheduleRun(8, "crm-order-pull", T, T, null, RunOutcome.RUNNING, null, null, false);

        SchedulePageView.Run shown = SchedulePageView.run(run, T.plusSeconds(3));

        assertThat(shown.running()).isTrue();
        assertThat(shown.duration()).isEqualTo("going for 3.0 s");
    }

    @Test
    void aScheduleNoRouteUsesIsNotInUseAndAPausedOneIsMarked() {
        ScheduleView unused = new ScheduleView("invoice-export", "0 0 1 * * ?", "UTC", null, null, "NONE",
                SchedulePolicy.DEFAULT, null);
        ScheduleView paused = new ScheduleView("crm-order-pull", "0/20 * * * * ?", "UTC", T, null, "PAUSED",
                new SchedulePolicy(null, SchedulePolicy.Misfire.SKIP, 0), null);

        SchedulePageView.Schedule none = SchedulePageView.of(unused, T);
        SchedulePageView.Schedule held = SchedulePageView.of(paused, T);

        assertThat(none.inUse()).isFalse();
        assertThat(none.stateWords()).isEqualTo("Not in use: no route starts with quartz:ferry/invoice-export.");
        assertThat(none.when()).isEqualTo("Every day at 01:00 (UTC)");
        assertThat(held.paused()).isTrue();
        assertThat(held.when()).isEqualTo("Every 20 seconds");
        assertThat(held.policy()).containsExactly("Skips a fire while a run still goes",
                "No catch-up run after downtime", "Never pauses itself");
    }
}
