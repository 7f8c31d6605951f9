package dev.ferry.sandbox.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions by cookie value; a session unused for longer than the timeout is gone. */
final class Sessions {

    private final SecureRandom tokens = new SecureRandom();
    private final Map<String, PortalSession> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;
    private final Random idSeeds;

    Sessions(Clock clock, Duration timeout, long seed) {
        this.clock = clock;
        this.timeout = timeout;
        this.idSeeds = new Random(seed);
    }

    PortalSession anonymous() {
        return open(null);
    }

    /** A new session id at login, so an id handed out before login is worth nothing after it. */
    PortalSession logIn(PortalSession anonymous, String user) {
        byId.remove(anonymous.id());
        return open(user);
    }

    void end(PortalSession session) {
        byId.remove(session.id());
    }

    /** The live session with this id, touched; empty when unknown or idle too long. */
    Optional<PortalSession> find(String id) {
        PortalSession session = id == null ? null : byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (idle(session)) {
            byId.remove(id);
            return Optional.empty();
        }
        session.touch(clock.instant());
        return Optional.of(session);
    }

    /** Whether this id names a live, logged-in session; touches nothing. */
    boolean loggedIn(String id) {
        PortalSession session = id == null ? null : byId.get(id);
        return session != null && session.loggedIn() && !idle(session);
    }

    long loggedIn() {
        return byId.values().stream().filter(session -> session.loggedIn() && !idle(session)).count();
    }

    void expireAll() {
        byId.clear();
    }

    private PortalSession open(String user) {
        // a demo left running must not collect every abandoned login page
        byId.values().removeIf(this::idle);
        PortalSession session = new PortalSession(token(), token(), user, idSeeds.nextLong(), clock.instant());
        byId.put(session.id(), session);
        return session;
    }

    private boolean idle(PortalSession session) {
        return session.lastSeen().plus(timeout).isBefore(clock.instant());
    }

    private String token() {
        byte[] bytes = new byte[18];
        tokens.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
