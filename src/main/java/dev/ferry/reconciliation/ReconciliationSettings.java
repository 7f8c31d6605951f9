package dev.ferry.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferry.reconciliation.*}: which day a run compares, counted back from the day it runs (1, the default:
 * yesterday, for a run after midnight; 0: today, for the sandbox and tests). The cron and time zone are the
 * schedule's, {@code ferry.schedules.nightly-reconciliation}.
 */
@ConfigurationProperties("ferry.reconciliation")
record ReconciliationSettings(Integer daysBack) {

    ReconciliationSettings {
        daysBack = daysBack == null ? 1 : daysBack;
        if (daysBack < 0) {
            throw new IllegalArgumentException("ferry.reconciliation.days-back must be 0 (today) or more, not "
                    + daysBack);
        }
    }
}
