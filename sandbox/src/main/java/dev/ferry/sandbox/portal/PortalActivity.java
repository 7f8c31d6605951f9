package dev.ferry.sandbox.portal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What the portal has seen, for tests: requests, hazards served and concurrency. A session is "in flight"
 * while at least one request of a logged-in session is being answered; the maximum of that number is how
 * many sessions a bot pool really ran against the portal at once.
 */
public final class PortalActivity {

    private final Map<String, Integer> inFlightBySession = new HashMap<>();
    private final Set<String> traceIds = new LinkedHashSet<>();
    private final LongSupplier loggedIn;
    private long requests;
    private int requestsInFlight;
    private int maxRequestsInFlight;
    private int maxSessionsInFlight;
    private long slowPages;
    private long busyPages;

    PortalActivity(LongSupplier loggedIn) {
        this.loggedIn = loggedIn;
    }

    /** The trace ids the portal's requests carried (the latest 1,000), in the order first seen. */
    public synchronized Set<String> traceIds() {
        return Set.copyOf(traceIds);
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized int requestsInFlight() {
        return requestsInFlight;
    }

    public synchronized int maxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    public synchronized int sessionsInFlight() {
        return inFlightBySession.size();
    }

    public synchronized int maxSessionsInFlight() {
        return maxSessionsInFlight;
    }

    public synchronized long slowPages() {
        return slowPages;
    }

    public synchronized long busyPages() {
        return busyPages;
    }

    /** Sessions logged in and not yet expired, whether or not they are making a request. */
    public long loggedInSessions() {
        return loggedIn.getAsLong();
    }

    /** Forgets counts and maxima; requests being answered now still finish and are counted out. */
    public synchronized void reset() {
        requests = 0;
        traceIds.clear();
        maxRequestsInFlight = requestsInFlight;
        maxSessionsInFlight = inFlightBySession.size();
        slowPages = 0;
        busyPages = 0;
    }

    /** {@code session} is the id of a logged-in session, or null. */
    synchronized void traced(String traceId) {
        if (traceId != null && traceIds.add(traceId) && traceIds.size() > 1000) {
            traceIds.remove(traceIds.iterator().next());
        }
    }

    synchronized void begin(String session) {
        requests++;
        maxRequestsInFlight = Math.max(maxRequestsInFlight, ++requestsInFlight);
        if (session != null) {
            inFlightBySession.merge(session, 1, Integer::sum);
            maxSessionsInFlight = Math.max(maxSessionsInFlight, inFlightBySession.size());
        }
    }

    synchronized void end(String session) {
        requestsInFlight--;
        if (session != null) {
            inFlightBySession.computeIfPresent(session, (id, count) -> count == 1 ? null : count - 1);
        }
    }

    synchronized void slowPage() {
        slowPages++;
    }

    synchronized void busyPage() {
        busyPages++;
    }
}
