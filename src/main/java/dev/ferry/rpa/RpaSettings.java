package dev.ferry.rpa;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferry.rpa.*}: the browser (null = discovered), how many browser workers, how long a run and
 * one step may take, and the secrets bots may name ({@code secrets.<name>}).
 */
@ConfigurationProperties("ferry.rpa")
record RpaSettings(String chromium, int workers, Duration runTimeout, Duration stepTimeout,
        Map<String, String> secrets) {

    RpaSettings {
        workers = workers < 1 ? 2 : workers;
        runTimeout = runTimeout == null ? Duration.ofSeconds(60) : runTimeout;
        stepTimeout = stepTimeout == null ? Duration.ofSeconds(10) : stepTimeout;
        secrets = secrets == null ? Map.of() : secrets;
    }
}
