package dev.ferry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SchedulePolicyTests {

    @Test
    void runOnceCatchesUpWithOneFireNowAndSkipDoesNothing() {
        assertThat(SchedulePolicy.Misfire.RUN_ONCE.quartzInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(SchedulePolicy.Misfire.SKIP.quartzInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(SchedulePolicy.Misfire.of(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING)).isEqualTo(SchedulePolicy.Misfire.SKIP);
    }

    @Test
    void aScheduleThatSaysNothingTakesTheDefaults() {
        SchedulingSettings settings = bind(Map.of("ferry.schedules.pull.cron", "0/5 * * * * ?"));

        assertThat(settings.schedule("pull").policy()).isEqualTo(SchedulePolicy.DEFAULT);
        assertThat(SchedulePolicy.DEFAULT).isEqualTo(
                new SchedulePolicy(SchedulePolicy.Overlap.SKIP, SchedulePolicy.Misfire.RUN_ONCE, 3));
    }

    @Test
    void policyKeysBindFromConfigWords() {
        SchedulingSettings settings = bind(Map.of("ferry.schedules.pull.cron", "0/5 * * * * ?",
                "ferry.schedules.pull.misfire", "skip", "ferry.schedules.pull.pause-after-failures", "5",
                "ferry.schedules.pull.overlap", "skip"));

        assertThat(settings.schedule("pull").policy())
                .isEqualTo(new SchedulePolicy(SchedulePolicy.Overlap.SKIP, SchedulePolicy.Misfire.SKIP, 5));
    }

    @Test
    void theScheduleIsPausedOnlyOnceTheFailuresInARowReachTheLimit() {
        SchedulePolicy policy = new SchedulePolicy(null, null, 3);

        assertThat(policy.pausesAfter(2)).isFalse();
        assertThat(policy.pausesAfter(3)).isTrue();
    }

    @Test
    void zeroNeverPauses() {
        assertThat(new SchedulePolicy(null, null, 0).pausesAfter(100)).isFalse();
    }

    private static SchedulingSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("ferry", SchedulingSettings.class).get();
    }
}
