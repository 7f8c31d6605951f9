package dev.ferry.inbox;

import dev.ferry.orders.Journal;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderQueries;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStore;
import dev.ferry.rpa.BotEvidence;
import java.time.Instant;
import java.util.ArrayList;
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
        Instant now = Instant.now();
        List<InboxSummary> items = store.page(filter, sort, page, size).stream().map(item -> item.at(now)).toList();
        long total = OrderQueries.total(items.size(), page, size, () -> store.count(filter, OrderQueries.MAX_COUNTED));
        return new InboxPage(items, page, size, total, (total + size - 1) / size);
    }

    /** Who works on the item now, or null. */
    Claim claim(String id) {
        return store.find(id).map(item -> Claim.current(item.claim(), Instant.now())).orElse(null);
    }

    /** How many times each of these items' orders was replayed before it came back; absent for none. */
    Map<String, Integer> earlierReplays(List<InboxSummary> items) {
        return store.earlierReplays(items.stream().filter(item -> item.orderId() != null).map(InboxSummary::id).toList());
    }

    /**
     * The order's earlier exceptions (before {@code id}), oldest first, each with who replayed it and when: an
     * order that comes back after a replay shows that it did, and where to read the first time.
     */
    List<Attempt> earlierAttempts(String id, String orderId) {
        if (orderId == null) {
            return List.of();
        }
        List<Attempt> attempts = new ArrayList<>();
        for (InboxItem item : store.ofOrder(orderId)) {
            if (item.id().equals(id)) {
                break;
            }
            HistoryEntry replay = history.of(item.id()).stream().filter(h -> "replayed".equals(h.action()))
                    .reduce((first, second) -> second).orElse(null);
            attempts.add(new Attempt(item, replay));
        }
        return attempts;
    }

    /** An earlier exception of the same order, and its replay (null if it was not replayed). */
    record Attempt(InboxItem item, HistoryEntry replay) {
    }

    /**
     * The oldest OPEN item the filter holds (with any status or OPEN), other than {@code current} and than those
     * someone else works on: where a reviewer goes after acting on one. Reads a page of candidates, enough unless that many are taken.
     */
    Optional<String> next(InboxFilter filter, String current, String user) {
        if (filter.status() != null && filter.status() != ExceptionStatus.OPEN) {
            // a list of what was sent through or discarded has no next item to work on
            return Optional.empty();
        }
        Instant now = Instant.now();
        return store.page(filter.withStatus(ExceptionStatus.OPEN), 0, 50).stream()
                .filter(item -> !item.id().equals(current))
                .filter(item -> item.claim() == null || !item.claim().heldByOtherThan(user, now))
                .map(InboxSummary::id)
                .findFirst();
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
            List<JournalEntry> entries = journal.entries(order.id());
            return new InboxDetail(item.id(), item.orderId(), null, null, null, item.status(), item.category(), item.step(),
                    item.reason(), item.detail(), item.attempts(), order.payload(), item.createdAt(),
                    item.updatedAt(), artifacts(item), history.of(id),
                    new InboxDetail.Order(order.status(), order.externalId(), order.source(), order.refs(),
                            entries, traceId(entries)));
        });
    }

    /** The order's trace id (docs/operations.md#tracing): its latest journal entry written with tracing on. */
    private static String traceId(List<JournalEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).traceId() != null) {
                return entries.get(i).traceId();
            }
        }
        return null;
    }

    /**
     * A failed bot step's screenshot and page, from the order's latest bot run: whatever the category (a portal that
     * refused the data is DOWNSTREAM_REJECTED, a busy one RETRIES_EXHAUSTED), when a bot's failure flagged the order.
     */
    private List<InboxDetail.Artifact> artifacts(InboxItem item) {
        if (item.category() != FlagCategory.BOT_FAILED && (item.detail() == null || !item.detail().startsWith("bot "))) {
            return List.of();
        }
        return evidence.ofFailedRun(item.orderId()).stream()
                .map(a -> new InboxDetail.Artifact(a.kind(), a.href())).toList();
    }
}
