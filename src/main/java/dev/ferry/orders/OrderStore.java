package dev.ferry.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/** Orders in the database. Duplicate protection lives in the table's unique constraints. */
@Component
public class OrderStore {

    private static final String COLUMNS = "id, source, external_id, status, payload, refs, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OrderStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param client the API key's name that posted the order (its Idempotency-Keys are its own), or null
     * @throws org.springframework.dao.DuplicateKeyException when the client's key or source+externalId exists
     */
    void insert(String id, String client, String idempotencyKey, String payloadHash, ObjectNode order, String payload,
            OrderStatus status, Instant now, String traceParent) {
        jdbc.sql("""
                INSERT INTO orders (id, source, external_id, api_client, idempotency_key, payload_hash, payload, status,
                                    customer_name, customer_email, created_at, updated_at, trace_parent)
                VALUES (:id, :source, :externalId, :client, :key, :hash, :payload, :status, :name, :email, :now, :now,
                        :traceParent)""")
                .param("status", status.name())
                .param("id", id)
                .param("client", client)
                .param("source", order.path("source").asText())
                .param("externalId", order.path("externalId").asText())
                .param("key", idempotencyKey)
                .param("hash", payloadHash)
                .param("payload", payload)
                .param("name", customer(order, "name"))
                .param("email", customer(order, "email"))
                .param("now", Timestamp.from(now))
                .param("traceParent", traceParent)
                .update();
    }

    /** The W3C traceparent the order was accepted in (docs/operations.md#tracing); null without tracing. */
    String traceParent(String id) {
        return jdbc.sql("SELECT trace_parent FROM orders WHERE id = :id").param("id", id).query(String.class)
                .optional().orElse(null);
    }

    /** A reviewer's corrected payload; source and externalId stay what they were. */
    void replacePayload(String id, ObjectNode order) {
        jdbc.sql("""
                UPDATE orders SET payload = :payload, customer_name = :name, customer_email = :email, updated_at = :now
                WHERE id = :id""")
                .param("payload", order.toString())
                .param("name", customer(order, "name"))
                .param("email", customer(order, "email"))
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .update();
    }

    /** Puts a flagged order back in line: it is ACCEPTED again, free for any worker to claim. */
    boolean requeue(String id) {
        return jdbc.sql("""
                UPDATE orders SET status = 'ACCEPTED', lease_owner = NULL, lease_until = NULL, enqueued_at = NULL,
                                  updated_at = :now
                WHERE id = :id AND status = 'FLAGGED'""")
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .update() == 1;
    }

    /** A discarded order waits for review again (a reviewer undid the discard); false if it is not DISCARDED. */
    boolean undiscard(String id) {
        return jdbc.sql("UPDATE orders SET status = 'FLAGGED', updated_at = :now WHERE id = :id AND status = 'DISCARDED'")
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .update() == 1;
    }

    private static String customer(ObjectNode order, String field) {
        String value = order.path("customer").path(field).asText(null);
        return value == null ? null : value.substring(0, Math.min(value.length(), 200));
    }

    record Existing(String id, String payloadHash, OrderStatus status) {
    }

    Optional<Existing> findByIdempotencyKey(String client, String key) {
        return jdbc.sql("SELECT id, payload_hash, status FROM orders WHERE api_client = :client AND idempotency_key = :key")
                .param("client", client)
                .param("key", key)
                .query(this::existing)
                .optional();
    }

    Optional<Existing> findBySourceAndExternalId(String source, String externalId) {
        return jdbc.sql("SELECT id, payload_hash, status FROM orders WHERE source = :source AND external_id = :externalId")
                .param("source", source)
                .param("externalId", externalId)
                .query(this::existing)
                .optional();
    }

    public Optional<OrderRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .param("id", id)
                .query(this::record)
                .optional();
    }

    /**
     * A page of the list, newest first. The inner query walks the index to the page's ids without reading a
     * row (the index holds the filtered columns, created_at and id: V12); only the page's rows are read.
     * {@code sources}: null for any, else one or more (with several, the matches are sorted, not walked in order).
     */
    List<OrderRecord> page(OrderStatus status, Collection<String> sources, int page, int size) {
        var filter = Filter.of(status, sources);
        return filter.bind(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id IN (SELECT id FROM orders"
                        + filter.where() + " ORDER BY " + filter.newestFirst() + " LIMIT :size OFFSET :offset)"
                        + " ORDER BY created_at DESC, id DESC"))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::record)
                .list();
    }

    /** How many orders match, counting no further than {@code max}: the count reads at most that many index entries. */
    long count(OrderStatus status, Collection<String> sources, long max) {
        var filter = Filter.of(status, sources);
        return filter.bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one FROM orders" + filter.where()
                        + " LIMIT :max) matching"))
                .param("max", max)
                .query(Long.class)
                .single();
    }

    /**
     * Only the filters given end up in the SQL: a typed NULL parameter is not portable across databases. One
     * source is an equality, as the indexes serve it in the list's order; several are a list (IN).
     */
    private record Filter(Map<String, Object> params) {

        static Filter of(OrderStatus status, Collection<String> sources) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (status != null) {
                params.put("status", status.name());
            }
            if (sources != null && sources.size() == 1) {
                params.put("source", sources.iterator().next());
            } else if (sources != null && !sources.isEmpty()) {
                params.put("sources", List.copyOf(sources));
            }
            return new Filter(params);
        }

        String where() {
            if (params.isEmpty()) {
                return "";
            }
            return " WHERE " + String.join(" AND ", params.keySet().stream()
                    .map(k -> k.equals("sources") ? "source IN (:sources)" : k + " = :" + k).toList());
        }

        /**
         * Newest first, the filtered columns named first: H2 sorts by an index only when the ORDER BY starts with
         * its columns, and with equal filtered values this is the same order.
         */
        String newestFirst() {
            List<String> columns = new ArrayList<>(params.keySet().stream().filter(k -> !k.equals("sources")).toList());
            columns.addAll(List.of("created_at", "id"));
            return String.join(", ", columns.stream().map(c -> c + " DESC").toList());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            params.forEach(sql::param);
            return sql;
        }
    }

    /** Notes that these orders are on the queue, so the re-publisher leaves them alone. */
    void markEnqueued(Collection<String> ids) {
        jdbc.sql("UPDATE orders SET enqueued_at = :now WHERE id IN (:ids)")
                .param("now", Timestamp.from(Instant.now()))
                .param("ids", ids)
                .update();
    }

    /** Accepted orders that never reached the queue (the broker send failed, or the node died in between). */
    List<String> unqueued(Instant acceptedBefore, int limit) {
        return jdbc.sql("SELECT id FROM orders WHERE status = 'ACCEPTED' AND enqueued_at IS NULL"
                        + " AND created_at < :before ORDER BY created_at LIMIT :limit")
                .param("before", Timestamp.from(acceptedBefore))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Orders whose worker stopped holding its claim without finishing: a node died mid-flight. */
    List<String> abandoned(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM orders WHERE status = 'IN_PROGRESS' AND lease_until < :now"
                        + " ORDER BY updated_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Takes the order for processing. Only one worker wins, whatever the number of copies of its
     * message: the update is conditional on the order being free.
     */
    public boolean claim(String id, String owner, Instant until) {
        Instant now = Instant.now();
        return jdbc.sql("""
                UPDATE orders SET status = 'IN_PROGRESS', lease_owner = :owner, lease_until = :until, updated_at = :now
                WHERE id = :id AND (status = 'ACCEPTED'
                                    OR (status = 'IN_PROGRESS' AND (lease_owner IS NULL OR lease_until < :now)))""")
                .param("owner", owner)
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Sets the order aside until its retry: still IN_PROGRESS, held by no node, and taken over by the
     * re-publisher only if the retry message has not claimed it well after it was due.
     */
    public void park(String id, Instant retryAt, Duration grace) {
        park(id, retryAt, grace, null);
    }

    /** Like {@link #park(String, Instant, Duration)}, writing the order's refs as well unless they are null. */
    public void park(String id, Instant retryAt, Duration grace, Map<String, String> refs) {
        update(id, "lease_owner = NULL, lease_until = :until", refs)
                .param("until", Timestamp.from(retryAt.plus(grace)))
                .update();
    }

    /**
     * Keeps the order this node's while its retry waits in this node's memory: the claim stands until {@code until}
     * (the retry's time plus a lease), with the refs when there are some to write. A node that dies meanwhile loses
     * the order to the re-publisher once that time has passed (soon after it starts again: {@link #releaseClaims}).
     */
    public void hold(String id, Instant until, Map<String, String> refs) {
        update(id, "lease_until = :until", refs)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** Renews this node's claim on an order it held for a retry; false when the order is no longer this node's. */
    public boolean reclaim(String id, String owner, Instant until) {
        return jdbc.sql("""
                UPDATE orders SET lease_until = :until, updated_at = :now
                WHERE id = :id AND status = 'IN_PROGRESS' AND lease_owner = :owner""")
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id)
                .param("owner", owner)
                .update() == 1;
    }

    /** Gives up this node's claim on these orders (retries it will not run, as it stops): the re-publisher takes them. */
    public int release(Collection<String> ids, String owner) {
        return jdbc.sql("UPDATE orders SET lease_until = :past WHERE id IN (:ids) AND lease_owner = :owner"
                        + " AND status = 'IN_PROGRESS'")
                .param("past", Timestamp.from(Instant.EPOCH))
                .param("ids", ids)
                .param("owner", owner)
                .update();
    }

    /** Adds refs to those the row holds, under a lock on the row: for a step outside the order's own route. */
    @Transactional
    public Map<String, String> addRefs(String id, Map<String, String> added) {
        String current = jdbc.sql("SELECT refs FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .single();
        Map<String, String> refs = new LinkedHashMap<>(RefsJson.read(json, current));
        refs.putAll(added);
        writeRefs(id, refs);
        return refs;
    }

    /** The refs the order's steps got back so far, all of them (they replace what the row held). */
    public void writeRefs(String id, Map<String, String> refs) {
        update(id, null, refs).update();
    }

    /**
     * A node that starts holds no work yet: claims under its name come from before a crash. They are set aside
     * like a parked order: held by no node, so the message the broker delivers again claims the order at once,
     * and taken over by the re-publisher only after {@code republishAfter} (an order whose retry waited in the
     * dead node's memory has no message). Released with the lease run out, the re-publisher could queue the
     * order before the consumers started, and the order would pass its done steps a second time.
     */
    public int releaseClaims(String owner, Instant republishAfter) {
        return jdbc.sql("""
                UPDATE orders SET lease_owner = NULL, lease_until = :after
                WHERE lease_owner = :owner AND status = 'IN_PROGRESS'""")
                .param("after", Timestamp.from(republishAfter))
                .param("owner", owner)
                .update();
    }

    public void finish(String id, OrderStatus status) {
        finish(id, status, null);
    }

    /** The order is done with (COMPLETED, FLAGGED or DISCARDED); its refs are written as well unless null. */
    public void finish(String id, OrderStatus status, Map<String, String> refs) {
        update(id, "status = :status, lease_owner = NULL, lease_until = NULL", refs)
                .param("status", status.name())
                .update();
    }

    // one UPDATE of the order's row: the columns given, the refs when there are some to write, and updated_at
    private JdbcClient.StatementSpec update(String id, String columns, Map<String, String> refs) {
        String set = (columns == null ? "" : columns + ", ") + (refs == null ? "" : "refs = :refs, ") + "updated_at = :now";
        var sql = jdbc.sql("UPDATE orders SET " + set + " WHERE id = :id")
                .param("now", Timestamp.from(Instant.now()))
                .param("id", id);
        return refs == null ? sql : sql.param("refs", RefsJson.write(json, refs));
    }

    private Existing existing(ResultSet rs, int row) throws SQLException {
        return new Existing(rs.getString("id"), rs.getString("payload_hash"), OrderStatus.valueOf(rs.getString("status")));
    }

    private OrderRecord record(ResultSet rs, int row) throws SQLException {
        return new OrderRecord(
                rs.getString("id"),
                rs.getString("source"),
                rs.getString("external_id"),
                OrderStatus.valueOf(rs.getString("status")),
                readPayload(rs.getString("payload")),
                RefsJson.read(json, rs.getString("refs")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private ObjectNode readPayload(String payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored order payload is not JSON", e);
        }
    }


}
