package dev.ferry.sandbox.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The portal's time: a base clock plus however much time a test has let pass. */
final class PortalClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> passed = new AtomicReference<>(Duration.ZERO);

    PortalClock(Clock base) {
        this.base = base;
    }

    void pass(Duration time) {
        passed.accumulateAndGet(time, Duration::plus);
    }

    void resetPassed() {
        passed.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(passed.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The portal keeps its time in " + base.getZone());
    }
}
