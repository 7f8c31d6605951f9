package dev.ferry.orders;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Reads orders with their journals for the status API. */
@Service
public class OrderQueries {

    /** totalItems says at most this many: counting further would read that many more index entries per page. */
    public static final long MAX_COUNTED = 1_000;

    private final OrderStore store;
    private final Journal journal;
    private final OpenExceptions openExceptions;

    OrderQueries(OrderStore store, Journal journal, ObjectProvider<OpenExceptions> openExceptions) {
        this.store = store;
        this.journal = journal;
        // without an inbox module no order has an exception
        this.openExceptions = openExceptions.getIfAvailable(() -> ids -> Map.of());
    }

    public Optional<OrderView> find(String id) {
        Map<String, String> exceptions = openExceptions.openExceptionIds(List.of(id));
        return store.find(id).map(order -> OrderView.of(order, journal.entries(id), exceptions.get(id)));
    }

    /** A page of the orders with this status (null: any) of these sources (null: any; empty: none). */
    public OrderPage page(OrderStatus status, Collection<String> sources, int page, int size) {
        if (sources != null && sources.isEmpty()) {
            return new OrderPage(List.of(), page, size, 0, 0);
        }
        List<OrderRecord> orders = store.page(status, sources, page, size);
        Map<String, List<JournalEntry>> journals = journal.entries(orders.stream().map(OrderRecord::id).toList());
        long total = total(orders.size(), page, size, () -> store.count(status, sources, MAX_COUNTED));
        Map<String, String> exceptions = openExceptions.openExceptionIds(orders.stream().map(OrderRecord::id).toList());
        List<OrderView> items = orders.stream()
                .map(o -> OrderView.of(o, journals.getOrDefault(o.id(), List.of()), exceptions.get(o.id())))
                .toList();
        return new OrderPage(items, page, size, total, (total + size - 1) / size);
    }

    /**
     * How many items a list has, for a page that came back with {@code found} items. A page that is not full
     * and not past the end is the last one, which tells the total without counting. Otherwise the count stops
     * at {@link #MAX_COUNTED} (docs/api.md), so it costs the same however many orders are stored; a page
     * further on than that still says how far the list goes at least.
     */
    public static long total(int found, int page, int size, LongSupplier countUpToMax) {
        long before = (long) page * size;
        if (found > 0 && found < size || found == 0 && page == 0) {
            return before + found;
        }
        return found == 0 ? countUpToMax.getAsLong() : Math.max(countUpToMax.getAsLong(), before + found);
    }
}
