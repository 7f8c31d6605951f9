package dev.ferry.routing;

import dev.ferry.orders.Journal;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an order's {@link OrderProgress} with the change of state that made it due, in one transaction: one commit
 * where each step used to make its own.
 */
@Component
class ProgressWriter {

    private final OrderStore store;
    private final Journal journal;
    private final TransactionTemplate tx;

    ProgressWriter(OrderStore store, Journal journal, TransactionTemplate tx) {
        this.store = store;
        this.journal = journal;
        this.tx = tx;
    }

    /** After a step that must not run twice: its journal entry and refs are on disk before the next step. */
    void write(String orderId, OrderProgress progress) {
        tx.executeWithoutResult(status -> {
            journal.append(orderId, progress.entries());
            var refs = progress.changedRefs();
            if (refs != null) {
                store.writeRefs(orderId, refs);
            }
        });
        progress.written();
    }

    /**
     * A step outside the order's own route (the tracking sync's CRM update), with no progress of the route to join:
     * its entry is written at once, and its refs are added to those the order has. Returns all of them.
     */
    Map<String, String> writeAlone(String orderId, JournalEntry entry) {
        return tx.execute(status -> {
            journal.append(orderId, List.of(entry));
            return entry.refs().isEmpty() ? null : store.addRefs(orderId, entry.refs());
        });
    }

    /** The order waits, held by no node, until {@code retryAt} (+ grace before the re-publisher takes it). */
    void park(String orderId, OrderProgress progress, Instant retryAt, Duration grace) {
        tx.executeWithoutResult(status -> {
            journal.append(orderId, progress.entries());
            store.park(orderId, retryAt, grace, progress.changedRefs());
        });
        progress.written();
    }

    /** The order waits for a retry that this node runs from memory: still its own until {@code until}. */
    void hold(String orderId, OrderProgress progress, Instant until) {
        tx.executeWithoutResult(status -> {
            journal.append(orderId, progress.entries());
            store.hold(orderId, until, progress.changedRefs());
        });
        progress.written();
    }

    /** The order is done with; {@code alsoInTx} commits with it (the inbox item of a flagged order). */
    void finish(String orderId, OrderProgress progress, OrderStatus status, Runnable alsoInTx) {
        tx.executeWithoutResult(s -> {
            journal.append(orderId, progress.entries());
            store.finish(orderId, status, progress.changedRefs());
            alsoInTx.run();
        });
        progress.written();
    }
}
