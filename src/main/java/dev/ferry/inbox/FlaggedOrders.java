package dev.ferry.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens an exception for every flagged order. The event comes synchronously from inside the flagging
 * transaction, so the exception commits with the order's FLAGGED status or not at all.
 */
@Component
class FlaggedOrders {

    private final InboxStore store;
    private final InboxHistory history;

    FlaggedOrders(InboxStore store, InboxHistory history) {
        this.store = store;
        this.history = history;
    }

    @EventListener
    void on(OrderFlagged flagged) {
        history.add(store.open(flagged), InboxHistory.FERRY, "flagged", flagged.reason());
    }
}
