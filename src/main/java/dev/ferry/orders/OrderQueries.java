package dev.ferry.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Reads orders with their journals for the status API. */
@Service
public class OrderQueries {

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

    public OrderPage page(OrderStatus status, String source, int page, int size) {
        List<OrderRecord> orders = store.page(status, source, page, size);
        Map<String, List<JournalEntry>> journals = journal.entries(orders.stream().map(OrderRecord::id).toList());
        long total = store.count(status, source);
        Map<String, String> exceptions = openExceptions.openExceptionIds(orders.stream().map(OrderRecord::id).toList());
        List<OrderView> items = orders.stream()
                .map(o -> OrderView.of(o, journals.getOrDefault(o.id(), List.of()), exceptions.get(o.id())))
                .toList();
        return new OrderPage(items, page, size, total, (total + size - 1) / size);
    }
}
