package dev.ferry.rpa;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferry.rpa.*}: the browser and the Node.js of Playwright's driver (null = discovered), how many browser workers, how long a run and
 * one step may take, the secrets bots may name ({@code secrets.<name>}), whether a failed run keeps a
 * Playwright trace, whether a worker keeps its browser between runs, how long evidence is kept, and the
 * slots of a system's concurrency limit shared by the nodes ({@link BotSlots}): how long a slot's lease
 * holds unless renewed, how often a running run renews it, and how long a run waits for a free slot.
 */
@ConfigurationProperties("ferry.rpa")
record RpaSettings(String chromium, String node, int workers, Duration runTimeout, Duration stepTimeout,
        Map<String, String> secrets, @DefaultValue("true") boolean traces, @DefaultValue("true") boolean reuseBrowser,
        @DefaultValue Evidence evidence, Duration slotLease, Duration slotRenewEvery, Duration slotWait) {

    RpaSettings {
        workers = workers < 1 ? 2 : workers;
        runTimeout = runTimeout == null ? Duration.ofSeconds(60) : runTimeout;
        stepTimeout = stepTimeout == null ? Duration.ofSeconds(10) : stepTimeout;
        secrets = secrets == null ? Map.of() : secrets;
        evidence = evidence == null ? new Evidence(Duration.ofDays(14), 1000, Duration.ofHours(1)) : evidence;
        slotLease = slotLease == null ? Duration.ofSeconds(30) : slotLease;
        slotRenewEvery = slotRenewEvery == null ? Duration.ofSeconds(10) : slotRenewEvery;
        slotWait = slotWait == null ? Duration.ofMinutes(2) : slotWait;
        if (slotRenewEvery.isNegative() || slotRenewEvery.isZero()
                || slotLease.compareTo(slotRenewEvery.multipliedBy(2)) < 0) {
            // one late renewal must not lose a slot: the lease has to outlast at least two renewal intervals
            throw new IllegalArgumentException("ferry.rpa.slot-lease (" + slotLease + ") must be at least twice "
                    + "ferry.rpa.slot-renew-every (" + slotRenewEvery + "), which must be positive");
        }
    }

    /** Evidence folders under {@code bot-runs/} older than {@code keepFor}, or beyond the newest {@code keepAtMost}, go. */
    record Evidence(@DefaultValue("14d") Duration keepFor, @DefaultValue("1000") int keepAtMost,
            @DefaultValue("1h") Duration checkEvery) {
    }
}
