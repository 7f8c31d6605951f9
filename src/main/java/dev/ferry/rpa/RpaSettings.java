package dev.ferry.rpa;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferry.rpa.*}: the browser (null = discovered), how many browser workers, how long a run and
 * one step may take, the secrets bots may name ({@code secrets.<name>}), whether a failed run keeps a
 * Playwright trace, whether a worker keeps its browser between runs, and how long evidence is kept.
 */
@ConfigurationProperties("ferry.rpa")
record RpaSettings(String chromium, int workers, Duration runTimeout, Duration stepTimeout,
        Map<String, String> secrets, @DefaultValue("true") boolean traces, @DefaultValue("true") boolean reuseBrowser,
        @DefaultValue Evidence evidence) {

    RpaSettings {
        workers = workers < 1 ? 2 : workers;
        runTimeout = runTimeout == null ? Duration.ofSeconds(60) : runTimeout;
        stepTimeout = stepTimeout == null ? Duration.ofSeconds(10) : stepTimeout;
        secrets = secrets == null ? Map.of() : secrets;
        evidence = evidence == null ? new Evidence(Duration.ofDays(14), 1000, Duration.ofHours(1)) : evidence;
    }

    /** Evidence folders under {@code bot-runs/} older than {@code keepFor}, or beyond the newest {@code keepAtMost}, go. */
    record Evidence(@DefaultValue("14d") Duration keepFor, @DefaultValue("1000") int keepAtMost,
            @DefaultValue("1h") Duration checkEvery) {
    }
}
