package dev.ferry.rpa;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code browser}: the Chromium and the Node.js bots use, and the worker pool.
 * Without either it reports {@code DEGRADED} (HTTP 200): orders without bot steps still flow, bot runs fail.
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
        Optional<Path> chromium = SystemProgram.CHROMIUM.find(settings.chromium(), System.getenv("PATH"));
        Optional<Path> node = SystemProgram.NODE.find(settings.node(), System.getenv("PATH"));
        BrowserWorkers.State state = workers.state();
        Health.Builder health = chromium.isPresent() && node.isPresent() ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("chromium", chromium.map(Path::toString).orElse(SystemProgram.CHROMIUM.missing()))
                .withDetail("node", node.map(Path::toString).orElse(SystemProgram.NODE.missing()))
                .withDetail("workers", state.workers())
                .withDetail("busy", state.busy())
                .withDetail("browsersRunning", state.browsers())
                .withDetail("contextsLeftOpen", state.contextsLeftOpen())
                .build();
    }
}
