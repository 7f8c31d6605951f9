package dev.ferry.rpa;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code browser}: the Chromium bots use and the worker pool. Without a
 * Chromium it reports {@code DEGRADED} (HTTP 200): orders without bot steps still flow, bot runs fail.
 */
@Component("browser")
class BrowserHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "bots cannot run");

    private final BrowserWorkers workers;
    private final RpaSettings settings;

    BrowserHealth(BrowserWorkers workers, RpaSettings settings) {
        this.workers = workers;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Optional<Path> chromium = ChromiumFinder.find(settings.chromium(), System.getenv("PATH"));
        BrowserWorkers.State state = workers.state();
        Health.Builder health = chromium.isPresent() ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("chromium", chromium.map(Path::toString).orElse(ChromiumFinder.MISSING))
                .withDetail("workers", state.workers())
                .withDetail("busy", state.busy())
                .withDetail("browsersRunning", state.browsers())
                .withDetail("contextsLeftOpen", state.contextsLeftOpen())
                .build();
    }
}
