package dev.ferry.inbox;

import dev.ferry.orders.OpenExceptions;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the orders API which orders wait in the inbox (GET /api/orders shows their exceptionId). */
@Component
class InboxOpenExceptions implements OpenExceptions {

    private final InboxStore store;

    InboxOpenExceptions(InboxStore store) {
        this.store = store;
    }

    @Override
    public Map<String, String> openExceptionIds(Collection<String> orderIds) {
        return store.openExceptionIds(orderIds);
    }
}
