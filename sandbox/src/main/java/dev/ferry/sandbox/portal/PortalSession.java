package dev.ferry.sandbox.portal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** One browser's session: its CSRF token, who logged in, the half-finished booking and its element ids. */
final class PortalSession {

    private final String id;
    private final String csrfToken;
    private final String user;
    private final SplittableRandom ids;
    private final Map<String, String> elementIds = new HashMap<>();
    private Instant lastSeen;
    private ConsigneeForm draft;

    PortalSession(String id, String csrfToken, String user, long idSeed, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.user = user;
        this.ids = new SplittableRandom(idSeed);
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    String csrfToken() {
        return csrfToken;
    }

    boolean loggedIn() {
        return user != null;
    }

    String user() {
        return user;
    }

    synchronized Instant lastSeen() {
        return lastSeen;
    }

    synchronized void touch(Instant now) {
        lastSeen = now;
    }

    synchronized ConsigneeForm draft() {
        return draft;
    }

    synchronized void draft(ConsigneeForm consignee) {
        draft = consignee;
    }

    /** The same random id for the same element throughout this session, a different one in the next. */
    synchronized String elementId(String element) {
        return elementIds.computeIfAbsent(element, name -> "x" + Long.toString(ids.nextLong(1L << 40, 1L << 50), 36));
    }
}
