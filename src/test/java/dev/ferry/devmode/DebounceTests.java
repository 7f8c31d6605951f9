package dev.ferry.devmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DebounceTests {

    private static final long MS = 1_000_000;
    private final Debounce debounce = new Debounce(Duration.ofMillis(300), Duration.ofMillis(1000));

    @Test
    void nothingIsDueWhileNothingChanged() {
        assertThat(debounce.take(0)).isEmpty();
        assertThat(debounce.nanosUntilDue(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anEditorsBurstOfWritesIsOneChangeDueOnceTheFilesAreQuiet() {
        debounce.changed(Path.of("routes/a.yaml"), 0);
        debounce.changed(Path.of("routes/.a.yaml.swp"), 50 * MS);
        debounce.changed(Path.of("routes/a.yaml"), 120 * MS);

        assertThat(debounce.take(400 * MS)).as("300 ms after the last write, not the first").isEmpty();
        assertThat(debounce.nanosUntilDue(400 * MS)).isEqualTo(20 * MS);
        Debounce.Batch batch = debounce.take(420 * MS).orElseThrow();
        assertThat(batch.files()).containsExactlyInAnyOrder(Path.of("routes/a.yaml"), Path.of("routes/.a.yaml.swp"));
        assertThat(batch.firstSeen()).as("the reload is timed from the first write").isZero();
        assertThat(debounce.take(2000 * MS)).as("taken once").isEmpty();
    }

    @Test
    void writesThatNeverPauseAreAppliedAfterTheLongestWait() {
        for (long at = 0; at <= 1500; at += 100) {
            debounce.changed(Path.of("connectors/erp/create-sales-order.jsonata"), at * MS);
            if (at == 900) {
                assertThat(debounce.take(at * MS)).isEmpty();
            }
            if (at == 1000) {
                assertThat(debounce.take(at * MS)).as("due 1 s after the first write").isPresent();
            }
        }
        assertThat(debounce.nanosUntilDue(1500 * MS)).as("a new batch began at 1100 ms").isEqualTo(300 * MS);
        assertThat(debounce.take(1800 * MS).orElseThrow().firstSeen()).isEqualTo(1100 * MS);
    }

    @Test
    void aQuietTimeLongerThanTheLongestWaitIsRefused() {
        assertThatThrownBy(() -> new Debounce(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
