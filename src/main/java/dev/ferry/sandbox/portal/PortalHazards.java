package dev.ferry.sandbox.portal;

import dev.ferry.sandbox.portal.PortalSettings.Hazards;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's hazards, as configured and as a test switches them: slow pages, the "System busy" page,
 * expired sessions, per-session element ids and the changed screen of a vendor release.
 */
public final class PortalHazards {

    private final Hazards configured;
    private final Runnable expireSessions;
    private final AtomicInteger busyNext = new AtomicInteger();
    private Random random;
    private volatile double slowRate;
    private volatile double busyRate;
    private volatile double expiryRate;
    private volatile boolean randomIds;
    private volatile boolean screenChanged;

    PortalHazards(Hazards configured, Runnable expireSessions) {
        this.configured = configured;
        this.expireSessions = expireSessions;
        reset();
    }

    /** The next {@code requests} page requests (GET or POST, a favicon does not count) get "System busy". */
    public PortalHazards busyNextRequests(int requests) {
        busyNext.set(requests);
        return this;
    }

    public PortalHazards busyRate(double rate) {
        busyRate = rate;
        return this;
    }

    /** Every page slow ({@code slow-min} to {@code slow-max}), or none. */
    public PortalHazards slowPages(boolean on) {
        slowRate = on ? 1 : 0;
        return this;
    }

    public PortalHazards slowRate(double rate) {
        slowRate = rate;
        return this;
    }

    public PortalHazards expiryRate(double rate) {
        expiryRate = rate;
        return this;
    }

    /** Ends every session now: the next request of each is sent to {@code /login?expired}. */
    public PortalHazards expireSessions() {
        expireSessions.run();
        return this;
    }

    /** Random element ids per session (the portal's normal behaviour), or stable ones. */
    public PortalHazards randomIds(boolean on) {
        randomIds = on;
        return this;
    }

    /** The vendor's next release: "Submit booking" for "Book consignment", "ZIP / Postcode" moved below City. */
    public PortalHazards changeScreen(boolean changed) {
        screenChanged = changed;
        return this;
    }

    public boolean screenChanged() {
        return screenChanged;
    }

    public boolean randomIds() {
        return randomIds;
    }

    /** No slow, busy or expired pages from now on, whatever the settings; ids and screen stay as they are. */
    public PortalHazards calm() {
        busyNext.set(0);
        slowRate = 0;
        busyRate = 0;
        expiryRate = 0;
        return this;
    }

    /** Back to the configured rates and seed, the screen as it was, no pending busy requests. */
    public synchronized void reset() {
        random = new Random(configured.seed());
        busyNext.set(0);
        slowRate = configured.slowRate();
        busyRate = configured.busyRate();
        expiryRate = configured.expiryRate();
        randomIds = configured.randomIds();
        screenChanged = false;
    }

    int busyStatus() {
        return configured.busyStatus();
    }

    boolean drawBusy() {
        return busyNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0 || draw(busyRate);
    }

    boolean drawExpiry() {
        return draw(expiryRate);
    }

    Optional<Duration> drawSlowDelay() {
        if (!draw(slowRate)) {
            return Optional.empty();
        }
        long min = configured.slowMin().toMillis();
        long span = configured.slowMax().toMillis() - min;
        return Optional.of(Duration.ofMillis(min + (span == 0 ? 0 : nextLong(span + 1))));
    }

    private synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private synchronized long nextLong(long bound) {
        return random.nextLong(bound);
    }
}
