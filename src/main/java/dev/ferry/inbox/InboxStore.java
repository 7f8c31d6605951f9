package dev.ferry.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Exceptions in the database; that an order has at most one OPEN exception is the table's own rule. */
@Component
class InboxStore {

    private static final String COLUMNS =
            "id, order_id, subject, title, related_order_id, status, category, step, reason, detail, attempts,"
            + " created_at, updated_at, claimed_by, claimed_at, claimed_until";
    private static final String SUMMARY_COLUMNS = "e.id, e.order_id, e.subject, e.title, e.status, e.category,"
            + " e.step, e.reason, e.attempts, e.created_at, e.updated_at, o.external_id, o.source, o.customer_name,"
            + " o.status AS order_status, e.claimed_by, e.claimed_at, e.claimed_until";
    // an item that is not about an order has no row to join
    private static final String FROM = " FROM exceptions e LEFT JOIN orders o ON o.id = e.order_id";

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Order id to open exception id, for those of the given orders that wait in the inbox. */
    Map<String, String> openExceptionIds(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> ids = new HashMap<>();
        jdbc.sql("SELECT open_order_id, id FROM exceptions WHERE open_order_id IN (:orderIds)")
                .param("orderIds", orderIds)
                .query(rs -> {
                    ids.put(rs.getString("open_order_id"), rs.getString("id"));
                });
        return ids;
    }

    /** Opens an exception for the flagged order, or brings its open one up to date; joins the caller's transaction. */
    String open(OrderFlagged flagged) {
        Timestamp now = Timestamp.from(Instant.now());
        String id = jdbc.sql("SELECT id FROM exceptions WHERE open_order_id = :orderId FOR UPDATE")
                .param("orderId", flagged.orderId())
                .query(String.class)
                .optional()
                .orElse(null);
        if (id == null) {
            id = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO exceptions (id, order_id, status, open_order_id, category, step, reason, detail,
                                            attempts, created_at, updated_at)
                    VALUES (:id, :orderId, 'OPEN', :orderId, :category, :step, :reason, :detail, :attempts, :now, :now)""")
                    .param("id", id)
                    .param("orderId", flagged.orderId())
                    .params(flagFields(flagged))
                    .param("detail", detail(flagged))
                    .param("now", now)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE exceptions SET category = :category, step = :step, reason = :reason, detail = :detail,
                                          attempts = :attempts, updated_at = :now
                    WHERE id = :id""")
                    .params(flagFields(flagged))
                    .param("detail", detail(flagged))
                    .param("now", now)
                    .param("id", id)
                    .update();
        }
        return id;
    }

    /**
     * Opens an item for the notice's subject or brings its open one up to date; empty if a person discarded
     * the subject before. Joins the caller's transaction.
     */
    Optional<String> raise(Notice notice) {
        Timestamp now = Timestamp.from(Instant.now());
        String id = jdbc.sql("SELECT id FROM exceptions WHERE open_subject = :subject FOR UPDATE")
                .param("subject", notice.subject())
                .query(String.class)
                .optional()
                .orElse(null);
        if (id == null) {
            boolean discarded = jdbc.sql("SELECT COUNT(*) FROM exceptions WHERE subject = :subject AND status = 'DISCARDED'")
                    .param("subject", notice.subject())
                    .query(Long.class)
                    .single() > 0;
            if (discarded) {
                return Optional.empty();
            }
            id = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO exceptions (id, subject, open_subject, title, related_order_id, status, category, step,
                                            reason, detail, attempts, created_at, updated_at)
                    VALUES (:id, :subject, :subject, :title, :related, 'OPEN', :category, :step, :reason, :detail, 0,
                            :now, :now)""")
                    .param("id", id)
                    .param("subject", notice.subject())
                    .params(noticeFields(notice))
                    .param("now", now)
                    .update();
        } else {
            jdbc.sql("""
                    UPDATE exceptions SET title = :title, related_order_id = :related, category = :category,
                                          step = :step, reason = :reason, detail = :detail, updated_at = :now
                    WHERE id = :id""")
                    .params(noticeFields(notice))
                    .param("now", now)
                    .param("id", id)
                    .update();
        }
        return Optional.of(id);
    }

    /** The subject's OPEN item, held until the transaction ends. */
    Optional<InboxItem> lockOpenSubject(String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exceptions WHERE open_subject = :subject FOR UPDATE")
                .param("subject", subject)
                .query(this::item)
                .optional();
    }

    private static Map<String, Object> noticeFields(Notice notice) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", truncate(notice.title(), 300));
        fields.put("related", notice.relatedOrderId());
        fields.put("category", notice.category().name());
        fields.put("step", truncate(notice.step(), 64));
        fields.put("reason", truncate(notice.reason() == null ? "" : notice.reason(), 2000));
        fields.put("detail", notice.detail() == null ? null : truncate(notice.detail(), 4000));
        return fields;
    }

    private static Map<String, Object> flagFields(OrderFlagged flagged) {
        return Map.of(
                "category", flagged.category().name(),
                "step", flagged.step(),
                "reason", truncate(flagged.reason() == null ? "" : flagged.reason(), 2000),
                "attempts", flagged.attempts());
    }

    private static String detail(OrderFlagged flagged) {
        return flagged.detail() == null ? null : truncate(flagged.detail(), 4000);
    }

    Optional<InboxItem> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exceptions WHERE id = :id")
                .param("id", id)
                .query(this::item)
                .optional();
    }

    /** Reads the exception and holds it until the transaction ends, so two reviewers cannot act on it at once. */
    Optional<InboxItem> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exceptions WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::item)
                .optional();
    }

    /** Closes an OPEN exception and lets go of its claim; the order may have a new one from then on. */
    void close(String id, ExceptionStatus status) {
        jdbc.sql("UPDATE exceptions SET status = :status, open_order_id = NULL, open_subject = NULL, updated_at = :now,"
                        + " claimed_by = NULL, claimed_at = NULL, claimed_until = NULL WHERE id = :id")
                .param("status", status.name())
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .update();
    }

    /**
     * Opens a discarded order's exception again (an undo); fails on the table's rule should the order have
     * another OPEN exception meanwhile, which a discarded order cannot get.
     */
    void reopen(InboxItem item) {
        String open = item.isNotice() ? "open_subject = subject" : "open_order_id = order_id";
        jdbc.sql("UPDATE exceptions SET status = 'OPEN', " + open + ", updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(Instant.now()))
                .param("id", item.id())
                .update();
    }

    /** Writes who works on the item; the caller holds the row (see {@link #lock}). */
    void claim(String id, Claim claim) {
        jdbc.sql("UPDATE exceptions SET claimed_by = :by, claimed_at = :since, claimed_until = :until WHERE id = :id")
                .param("by", truncate(claim.by(), 200))
                .param("since", Timestamp.from(claim.since()))
                .param("until", Timestamp.from(claim.until()))
                .param("id", id)
                .update();
    }

    void release(String id) {
        jdbc.sql("UPDATE exceptions SET claimed_by = NULL, claimed_at = NULL, claimed_until = NULL WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Every exception the order had, oldest first: an order that comes back after a replay has several. */
    List<InboxItem> ofOrder(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exceptions WHERE order_id = :orderId ORDER BY created_at, id")
                .param("orderId", orderId)
                .query(this::item)
                .list();
    }

    /**
     * Exception id to how many times its order was replayed before it came back (earlier exceptions a reviewer
     * replayed), for those of the given exceptions that came back at all. One query for a page of the list.
     */
    Map<String, Integer> earlierReplays(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT e.id, COUNT(p.id) AS n FROM exceptions e
                JOIN exceptions p ON p.order_id = e.order_id AND p.status = 'RESOLVED' AND p.created_at < e.created_at
                WHERE e.id IN (:ids) GROUP BY e.id""")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getString("id"), rs.getInt("n"));
                });
        return counts;
    }

    void touch(String id) {
        jdbc.sql("UPDATE exceptions SET updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .update();
    }

    /**
     * A page of the list in the filter's order, which an index hands over sorted (V12). Unlike the order list
     * it reads the rows it skips: inbox items are few (one order in 50), and H2 runs the shape that would skip
     * them unread (WHERE id IN (a page of ids)) several times slower on the first pages, the ones people open.
     */
    List<InboxSummary> page(InboxFilter filter, int page, int size) {
        return page(filter, InboxSort.DEFAULT, page, size);
    }

    /** A page in the order a person picked on the /inbox page; the default is the filter's own order. */
    List<InboxSummary> page(InboxFilter filter, InboxSort sort, int page, int size) {
        return filter.bind(jdbc.sql("SELECT " + SUMMARY_COLUMNS + FROM + filter.where() + " ORDER BY " + sort.sql(filter)
                        + " LIMIT :size OFFSET :offset"))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::summary)
                .list();
    }

    /** How many match, counting no further than {@code max}. */
    long count(InboxFilter filter, long max) {
        return filter.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one" + filter.from() + filter.where()
                        + " LIMIT :max) matching"))
                .param("max", max)
                .query(Long.class)
                .single();
    }

    /** The ids of the exceptions that match, in the list's order (oldest first for OPEN ones), for a bulk action. */
    List<String> ids(InboxFilter filter, int limit) {
        return filter.bind(jdbc.sql("SELECT e.id" + filter.from() + filter.where() + " ORDER BY " + filter.order()
                        + " LIMIT :limit"))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Status → category → how many. */
    Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.sql("SELECT status, category, COUNT(*) AS n FROM exceptions GROUP BY status, category")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("status"), s -> new TreeMap<>())
                            .put(rs.getString("category"), rs.getLong("n"));
                });
        return counts;
    }

    /** Category → how many OPEN exceptions. */
    Map<String, Long> openByCategory() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT category, COUNT(*) AS n FROM exceptions WHERE status = 'OPEN' GROUP BY category")
                .query(rs -> {
                    counts.put(rs.getString("category"), rs.getLong("n"));
                });
        return counts;
    }

    private InboxItem item(ResultSet rs, int row) throws SQLException {
        return new InboxItem(rs.getString("id"), rs.getString("order_id"), rs.getString("subject"),
                rs.getString("title"), rs.getString("related_order_id"), ExceptionStatus.valueOf(rs.getString("status")), FlagCategory.valueOf(rs.getString("category")),
                rs.getString("step"), rs.getString("reason"), rs.getString("detail"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), claim(rs));
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        String by = rs.getString("claimed_by");
        return by == null ? null : new Claim(by, rs.getTimestamp("claimed_at").toInstant(),
                rs.getTimestamp("claimed_until").toInstant());
    }

    private InboxSummary summary(ResultSet rs, int row) throws SQLException {
        return new InboxSummary(rs.getString("id"), rs.getString("order_id"), rs.getString("subject"),
                rs.getString("title"), ExceptionStatus.valueOf(rs.getString("status")), FlagCategory.valueOf(rs.getString("category")),
                rs.getString("step"), rs.getString("reason"), rs.getInt("attempts"), rs.getString("external_id"),
                rs.getString("source"), rs.getString("customer_name"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("order_status"), claim(rs));
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
