package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRM's orders arriving over time: {@code trickle-initial} at start, then one more every
 * {@code trickle-every}, up to {@code trickle-max}. Worked out from the clock on each read, so no thread runs.
 * With a {@link StateFile} the trickle goes on after a restart from the last order it had shown, rather than
 * from {@code trickle-initial} again (the time the sandbox was down does not count).
 */
final class CrmTrickle {

    private static final int PAGE_SIZE = 50;
    private static final Duration BEFORE_START = Duration.ofMinutes(5);

    private final SandboxSettings.Crm settings;
    private final Clock clock;
    private final CrmOrders orders;
    private final StateFile file;
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private volatile Instant start;
    // every order before this one has been processed: a pull starts here instead of at order 1 each time
    private int firstOpen = 1;
    // how many orders have been shown, as the state file knows it
    private int shown;

    CrmTrickle(SandboxSettings.Crm settings, Clock clock, StateFile file) {
        this.settings = settings;
        this.clock = clock;
        this.orders = new CrmOrders(settings.trickleInitial());
        this.file = file;
        int before = file.load().stream().mapToInt(line -> line.path("appeared").asInt()).max().orElse(0);
        start = clock.instant().minus(settings.trickleEvery().multipliedBy(Math.max(0, before - settings.trickleInitial())));
        shown = before;
    }

    /** From the start again: {@code trickle-initial} orders, none processed. */
    synchronized void restart() {
        processed.clear();
        firstOpen = 1;
        start = clock.instant();
        shown = 0;
        file.clear();
    }

    void close() {
        file.close();
    }

    int appeared() {
        long ticks = Math.max(0, Duration.between(start, clock.instant()).toNanos()
                / settings.trickleEvery().toNanos());
        return (int) Math.min(settings.trickleMax(), settings.trickleInitial() + ticks);
    }

    /** The orders that have appeared and not yet been written back, oldest first, one page. */
    synchronized List<ObjectNode> open() {
        List<ObjectNode> open = new ArrayList<>();
        int appeared = appeared();
        if (appeared > shown) {
            // one short line per new order at most (trickle-max in all): where to go on from after a restart
            file.append(Json.object().put("appeared", appeared));
            shown = appeared;
        }
        while (firstOpen <= appeared && processed.contains(CrmOrders.number(firstOpen))) {
            firstOpen++;
        }
        for (int n = firstOpen; n <= appeared && open.size() < PAGE_SIZE; n++) {
            if (!processed.contains(CrmOrders.number(n))) {
                open.add(orders.order(n, createdAt(n)));
            }
        }
        return open;
    }

    void markProcessed(String orderNumber) {
        processed.add(orderNumber);
    }

    private Instant createdAt(int n) {
        int sinceInitial = n - settings.trickleInitial();
        return sinceInitial <= 0 ? start.minus(BEFORE_START.multipliedBy(1L - sinceInitial))
                : start.plus(settings.trickleEvery().multipliedBy(sinceInitial));
    }
}
