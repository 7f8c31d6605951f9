package dev.ferry.sandbox.portal;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.sandbox.StateFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Nordic Freight", the freight carrier's staff portal: a server-rendered web application with no API, for
 * bots to drive as staff would. Runs on the JDK's HTTP server on one loopback port. See docs/sandbox.md.
 */
public final class LegacyPortal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LegacyPortal.class);
    private static final String BIND_ADDRESS = "127.0.0.1";
    private static final int THREADS = 8;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK's HTTP server sends a response's headers and its body in two writes. Without TCP_NODELAY,
        // Nagle's algorithm holds the body back until the browser has acknowledged the headers, and a browser on
        // Linux delays that acknowledgement by up to 40 ms: each page on a kept-alive connection took 40 ms
        // more than the portal's own work (a booking loads six). The JDK reads the setting once, when the
        // JVM's first JDK HTTP server is made; the portal is the first in Ferry, the sandbox control after it.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final PortalSettings settings;
    private final PortalClock clock;
    private final Sessions sessions;
    private final Consignments consignments;
    private final PortalHazards hazards;
    private final PortalActivity activity;
    private final HttpServer server;
    private final ExecutorService executor;

    private LegacyPortal(PortalSettings settings, Clock clock, Pause pause, StateFile state) throws IOException {
        this.settings = settings;
        this.consignments = new Consignments(state);
        this.clock = new PortalClock(clock);
        this.sessions = new Sessions(this.clock, settings.sessionTimeout(), settings.hazards().seed());
        this.hazards = new PortalHazards(settings.hazards(), sessions::expireAll);
        this.activity = new PortalActivity(sessions::loggedIn);
        PortalScreens screens = new PortalScreens(settings, sessions, consignments, hazards, this.clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(BIND_ADDRESS), settings.port()),
                50);
        this.executor = Executors.newFixedThreadPool(THREADS, threads());
        server.setExecutor(executor);
        server.createContext("/", new PortalHandler(screens, sessions, hazards, activity, pause));
    }

    /** Starts the portal; port 0 picks a free one. It keeps nothing across restarts. */
    public static LegacyPortal start(PortalSettings settings) {
        return start(settings, StateFile.none());
    }

    /** Starts the portal, its consignments kept in {@code state} across restarts. */
    public static LegacyPortal start(PortalSettings settings, StateFile state) {
        return start(settings, Clock.systemUTC(), Pause.SLEEP, state);
    }

    static LegacyPortal start(PortalSettings settings, Clock clock, Pause pause) {
        return start(settings, clock, pause, StateFile.none());
    }

    static LegacyPortal start(PortalSettings settings, Clock clock, Pause pause, StateFile state) {
        LegacyPortal portal;
        try {
            portal = new LegacyPortal(settings, clock, pause, state);
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox Nordic Freight portal could not listen on " + BIND_ADDRESS
                    + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        portal.server.start();
        log.debug("Nordic Freight portal listening on {}", portal.baseUrl());
        return portal;
    }

    /** {@code http://localhost:<port>}, the value the freight-portal connector's {@code base-url} expects. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The switches a test flips: busy, slow, expired, changed screen, ids. */
    public PortalHazards hazards() {
        return hazards;
    }

    public PortalActivity activity() {
        return activity;
    }

    /** Every consignment booked (before a restart too, when kept) since the last {@link #reset()}, in booking order. */
    public List<Consignment> consignments() {
        return consignments.all();
    }

    /**
     * Books a consignment as staff would have by hand, without the screens: seeds the shipment-status table
     * for tests and demos.
     */
    public Consignment book(String reference, String consignee) {
        return consignments.book(number -> new Consignment(number, reference, consignee, "Storgatan 1", "111 22",
                "Stockholm", "SE", 1, java.math.BigDecimal.valueOf(2.5), "Books", "standard", clock.instant()));
    }

    /**
     * A test hook: runs on the portal's request thread right after a consignment is booked and before the
     * booking post is answered, so a test can act at the moment the booking exists but the bot has not seen
     * it (e.g. kill the client). Replaces any earlier hook; {@code null} removes it, as {@link #reset()} does.
     * A hook that throws makes the portal answer that post with its error page; the booking stays.
     */
    public void onBooked(Consumer<Consignment> hook) {
        consignments.onBooked(hook);
    }

    /** The status the shipment-status table shows for a consignment now, if it exists. */
    public Optional<ShipmentStatus> status(String consignmentNumber) {
        return consignments.find(consignmentNumber)
                .map(consignment -> ShipmentStatus.of(consignment, clock.instant(), settings.statusEvery()));
    }

    /**
     * A test hook for one consignment where {@link #passTime} moves them all: from now on the consignment shows
     * {@code status}, last updated now, as if it had been booked that many status periods ago. Later statuses
     * follow with time as for any other.
     *
     * @throws IllegalArgumentException when no consignment has that number
     */
    public void moveTo(String consignmentNumber, ShipmentStatus status) {
        Instant bookedAt = clock.instant().minus(settings.statusEvery().multipliedBy(status.ordinal()));
        consignments.change(consignmentNumber, consignment -> consignment.bookedAt(bookedAt))
                .orElseThrow(() -> new IllegalArgumentException("The portal has no consignment " + consignmentNumber));
    }

    /** Lets portal time pass at once: statuses advance and idle sessions expire as if it had. */
    public void passTime(Duration time) {
        clock.pass(time);
    }

    /** Forgets consignments, sessions, passed time, counters and the booking hook; hazards back to their settings. */
    public void reset() {
        consignments.clear();
        consignments.onBooked(null);
        sessions.expireAll();
        clock.resetPassed();
        hazards.reset();
        activity.reset();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        consignments.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "nordic-freight-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
