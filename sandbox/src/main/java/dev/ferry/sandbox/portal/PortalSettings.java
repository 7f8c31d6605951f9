package dev.ferry.sandbox.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code ferry.sandbox.portal.*} settings of the Nordic Freight portal. The user name and password are the
 * simulator's own demo values. Without configuration every hazard is off; the sandbox profile turns them on
 * at a low rate.
 */
public record PortalSettings(int port, @DefaultValue(USERNAME) String username,
        @DefaultValue(PASSWORD) String password, @DefaultValue(SESSION_TIMEOUT) Duration sessionTimeout,
        @DefaultValue(STATUS_EVERY) Duration statusEvery, @DefaultValue Hazards hazards) {

    private static final String USERNAME = "ferry";
    private static final String PASSWORD = "portal-sandbox";
    private static final String SESSION_TIMEOUT = "15m";
    private static final String STATUS_EVERY = "5m";

    public PortalSettings {
        requirePositive("session-timeout", sessionTimeout);
        requirePositive("status-every", statusEvery);
    }

    /** The demo credentials on a free port, every hazard off. */
    public static PortalSettings defaults() {
        return new PortalSettings(0, USERNAME, PASSWORD, Duration.parse("PT" + SESSION_TIMEOUT),
                Duration.parse("PT" + STATUS_EVERY), Hazards.off());
    }

    public PortalSettings withHazards(Hazards hazards) {
        return new PortalSettings(port, username, password, sessionTimeout, statusEvery, hazards);
    }

    public PortalSettings withSessionTimeout(Duration sessionTimeout) {
        return new PortalSettings(port, username, password, sessionTimeout, statusEvery, hazards);
    }

    /**
     * How often each hazard strikes, as a share of requests (0 to 1), drawn from a random sequence seeded
     * with {@code seed}. {@code busyStatus} is 200 (as old systems answer) or 503.
     */
    public record Hazards(@DefaultValue("42") long seed, double slowRate, @DefaultValue("1s") Duration slowMin,
            @DefaultValue("3s") Duration slowMax, double busyRate, @DefaultValue("200") int busyStatus,
            double expiryRate, @DefaultValue("true") boolean randomIds) {

        public Hazards {
            requireRate("slow-rate", slowRate);
            requireRate("busy-rate", busyRate);
            requireRate("expiry-rate", expiryRate);
            if (slowMin == null || slowMax == null || slowMin.isNegative() || slowMax.compareTo(slowMin) < 0) {
                throw new IllegalArgumentException("ferry.sandbox.portal.hazards.slow-min and slow-max must be a"
                        + " range of durations, but are " + slowMin + " and " + slowMax);
            }
            if (busyStatus != 200 && busyStatus != 503) {
                throw new IllegalArgumentException("ferry.sandbox.portal.hazards.busy-status must be 200 or 503,"
                        + " but is " + busyStatus);
            }
        }

        /** No slow, busy or expired pages; ids still change per session, as they always do on this portal. */
        public static Hazards off() {
            return new Hazards(42, 0, Duration.ofSeconds(1), Duration.ofSeconds(3), 0, 200, 0, true);
        }

        public Hazards withSlowPages(double rate, Duration min, Duration max) {
            return new Hazards(seed, rate, min, max, busyRate, busyStatus, expiryRate, randomIds);
        }

        public Hazards withBusy(double rate, int status) {
            return new Hazards(seed, slowRate, slowMin, slowMax, rate, status, expiryRate, randomIds);
        }

        public Hazards withExpiryRate(double rate) {
            return new Hazards(seed, slowRate, slowMin, slowMax, busyRate, busyStatus, rate, randomIds);
        }

        private static void requireRate(String key, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("ferry.sandbox.portal.hazards." + key
                        + " must be between 0 and 1, but is " + rate);
            }
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("ferry.sandbox.portal." + key + " must be a positive duration,"
                    + " but is " + value);
        }
    }
}
