package dev.ferry.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The day whose sales orders a run compares, and the days whose invoices it reads: that day and every day
 * since, up to today, because an order is often invoiced later than it was sold (after midnight, or when a
 * flagged order is replayed next morning) and that invoice is not missing.
 */
record DaysCompared(LocalDate day, List<LocalDate> invoiceDays) {

    /** {@code daysBack} days before today in {@code zone}: 1, the default, is yesterday; 0 is today. */
    static DaysCompared of(Clock clock, ZoneId zone, int daysBack) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = today.minusDays(daysBack);
        return new DaysCompared(day, day.datesUntil(today.plusDays(1)).toList());
    }

    List<String> invoiceDayTexts() {
        return invoiceDays.stream().map(LocalDate::toString).toList();
    }
}
