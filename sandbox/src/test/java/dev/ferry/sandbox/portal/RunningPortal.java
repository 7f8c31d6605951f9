package dev.ferry.sandbox.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The portal on a free port for one test class, hazards off, reset before each test; slow pages do not wait. */
final class RunningPortal implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private LegacyPortal portal;

    LegacyPortal portal() {
        return portal;
    }

    /** The delays slow pages would have waited. */
    List<Duration> pauses() {
        return pauses;
    }

    PortalClient client() {
        return new PortalClient(portal.baseUrl());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        portal = LegacyPortal.start(PortalSettings.defaults(), Clock.systemUTC(), pauses::add);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        portal.reset();
        pauses.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        portal.close();
    }
}
