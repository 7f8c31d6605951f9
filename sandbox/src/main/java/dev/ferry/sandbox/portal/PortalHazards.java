package dev.ferry.sandbox.portal;

import dev.ferry.sandbox.portal.PortalSettings.Hazards;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's hazards, as configured and as a test switches them: slow pages, the "System busy" page,
 * expired sessions, per-session element ids, the changed screen of a vendor release, and pages that hang
 * until a test lets them go.
 */
public final class PortalHazards {

    /** A hung page gives up waiting after this long, so a test that forgets to release one does not leak threads. */
    private static final Duration LONGEST_HANG = Duration.ofMinutes(10);

    private final Hazards configured;
    private final Runnable expireSessions;
    private final AtomicInteger busyNext = new AtomicInteger();
    private final AtomicInteger hangNext = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private CountDownLatch release = new CountDownLatch(1);
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

    /**
     * The next {@code requests} page requests hang, answered only once {@link #releaseHung()} is called (or after
     * ten minutes): a bot run that stays busy as long as a test needs, on a page request like any other.
     */
    public synchronized PortalHazards hangNextRequests(int requests) {
        hangNext.set(requests);
        return this;
    }

    /** Answers every hung request now, as usual, and hangs no further ones. */
    public synchronized PortalHazards releaseHung() {
        hangNext.set(0);
        release.countDown();
        release = new CountDownLatch(1);
        return this;
    }

    /** Page requests hanging right now. */
    public int hanging() {
        return hanging.get();
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

    /** No slow, busy, hung or expired pages from now on, whatever the settings; ids and screen stay as they are. */
    public PortalHazards calm() {
        releaseHung();
        busyNext.set(0);
        slowRate = 0;
        busyRate = 0;
        expiryRate = 0;
        return this;
    }

    /** Back to the configured rates and seed, the screen as it was, no pending busy or hung requests. */
    public synchronized void reset() {
        releaseHung();
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

    /** Hangs the calling request if it is one of the next ones a test asked to hang, until released. */
    void hangIfAsked() throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            if (hangNext.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
                return;
            }
            latch = release;
        }
        hanging.incrementAndGet();
        try {
            latch.await(LONGEST_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            hanging.decrementAndGet();
        }
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
