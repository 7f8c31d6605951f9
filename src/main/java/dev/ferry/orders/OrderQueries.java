package dev.ferry.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads orders with their journals for the status API. */
@Service
public class OrderQueries {

    private final OrderStore store;
    private final Journal journal;

    OrderQueries(OrderStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
    }

    public Optional<OrderView> find(String id) {
        return store.find(id).map(order -> OrderView.of(order, journal.entries(id)));
    }

    public OrderPage page(OrderStatus status, String source, int page, int size) {
        List<OrderRecord> orders = store.page(status, source, page, size);
        Map<String, List<JournalEntry>> journals = journal.entries(orders.stream().map(OrderRecord::id).toList());
        long total = store.count(status, source);
        List<OrderView> items = orders.stream()
                .map(o -> OrderView.of(o, journals.getOrDefault(o.id(), List.of())))
                .toList();
        return new OrderPage(items, page, size, total, (total + size - 1) / size);
    }
}
