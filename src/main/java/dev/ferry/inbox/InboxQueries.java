package dev.ferry.inbox;

import dev.ferry.orders.Journal;
import dev.ferry.orders.OrderQueries;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStore;
import dev.ferry.rpa.BotEvidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads the inbox: pages of exceptions, counts for its tabs, and one exception with its order. */
@Service
class InboxQueries {

    private final InboxStore store;
    private final InboxHistory history;
    private final OrderStore orders;
    private final Journal journal;
    private final BotEvidence evidence;

    InboxQueries(InboxStore store, InboxHistory history, OrderStore orders, Journal journal, BotEvidence evidence) {
        this.evidence = evidence;
        this.store = store;
        this.history = history;
        this.orders = orders;
        this.journal = journal;
    }

    InboxPage page(InboxFilter filter, int page, int size) {
        return page(filter, InboxSort.DEFAULT, page, size);
    }

    InboxPage page(InboxFilter filter, InboxSort sort, int page, int size) {
        List<InboxSummary> items = store.page(filter, sort, page, size);
        long total = OrderQueries.total(items.size(), page, size, () -> store.count(filter, OrderQueries.MAX_COUNTED));
        return new InboxPage(items, page, size, total, (total + size - 1) / size);
    }

    /** The oldest exceptions that match, for a bulk action. */
    List<String> openIds(InboxFilter filter, int limit) {
        return store.ids(filter.withStatus(ExceptionStatus.OPEN), limit);
    }

    record Counts(long total, Map<String, Long> byCategory) {
    }

    /** Every status and every category, zeros included, so a page can lay out its tabs before anything waits. */
    Map<ExceptionStatus, Counts> counts() {
        Map<String, Map<String, Long>> counted = store.counts();
        Map<ExceptionStatus, Counts> counts = new LinkedHashMap<>();
        for (ExceptionStatus status : ExceptionStatus.values()) {
            Map<String, Long> byCategory = new LinkedHashMap<>();
            for (FlagCategory category : FlagCategory.values()) {
                byCategory.put(category.name(), 0L);
            }
            byCategory.putAll(counted.getOrDefault(status.name(), Map.of()));
            counts.put(status, new Counts(byCategory.values().stream().mapToLong(Long::longValue).sum(), byCategory));
        }
        return counts;
    }

    /** What waits, by category: the /inbox page's tabs, from the OPEN items alone however many were dealt with. */
    Counts openCounts() {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (FlagCategory category : FlagCategory.values()) {
            byCategory.put(category.name(), 0L);
        }
        byCategory.putAll(store.openByCategory());
        return new Counts(byCategory.values().stream().mapToLong(Long::longValue).sum(), byCategory);
    }

    Optional<InboxDetail> detail(String id) {
        return store.find(id).map(item -> {
            if (item.isNotice()) {
                return new InboxDetail(item.id(), null, item.subject(), item.title(), item.relatedOrderId(),
                        item.status(), item.category(), item.step(), item.reason(), item.detail(), item.attempts(),
                        null, item.createdAt(), item.updatedAt(), List.of(), history.of(id), null);
            }
            OrderRecord order = orders.find(item.orderId()).orElseThrow();
            return new InboxDetail(item.id(), item.orderId(), null, null, null, item.status(), item.category(), item.step(),
                    item.reason(), item.detail(), item.attempts(), order.payload(), item.createdAt(),
                    item.updatedAt(), artifacts(item), history.of(id),
                    new InboxDetail.Order(order.status(), order.externalId(), order.source(), order.refs(),
                            journal.entries(order.id())));
        });
    }

    /** A failed bot step's screenshot and page, from the order's latest bot run. */
    private List<InboxDetail.Artifact> artifacts(InboxItem item) {
        if (item.category() != FlagCategory.BOT_FAILED) {
            return List.of();
        }
        return evidence.ofFailedRun(item.orderId()).stream()
                .map(a -> new InboxDetail.Artifact(a.kind(), a.href())).toList();
    }
}
