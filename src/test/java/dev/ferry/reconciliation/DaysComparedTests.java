package dev.ferry.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DaysComparedTests {

    private static final Clock AT_0130_UTC = Clock.fixed(Instant.parse("2026-11-29T01:30:00Z"), ZoneOffset.UTC);

    @Test
    void aNightlyRunComparesYesterdayAndReadsTheInvoicesOfYesterdayAndToday() {
        DaysCompared days = DaysCompared.of(AT_0130_UTC, ZoneOffset.UTC, 1);

        assertThat(days.day()).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(days.invoiceDayTexts()).containsExactly("2026-11-28", "2026-11-29");
    }

    @Test
    void zeroDaysBackComparesToday() {
        DaysCompared days = DaysCompared.of(AT_0130_UTC, ZoneOffset.UTC, 0);

        assertThat(days.invoiceDayTexts()).containsExactly("2026-11-29");
    }

    // 00:30 on the 29th in Tokyo is 15:30 on the 28th in UTC: Tokyo's yesterday is the 28th
    @Test
    void theDayIsTheScheduleTimeZonesDay() {
        DaysCompared days = DaysCompared.of(
                Clock.fixed(Instant.parse("2026-11-28T15:30:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Tokyo"), 1);

        assertThat(days.day()).isEqualTo(LocalDate.parse("2026-11-28"));
    }

    @Test
    void aNegativeDaysBackIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ReconciliationSettings(-1)).hasMessageContaining("days-back");
        assertThat(new ReconciliationSettings(null).daysBack()).isEqualTo(1);
    }
}
