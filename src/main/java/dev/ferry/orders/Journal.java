package dev.ferry.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.tracing.OrderTraces;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The order journal: an append-only record of each step's outcome and the ids it produced. */
@Component
public class Journal {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper json;
    private final String insert;
    private final boolean withTraces;

    Journal(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, OrderTraces traces) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        // an entry carries its order's trace id, whichever thread writes it (the order's route, or a reviewer's
        // request, which has a trace of its own); with tracing off the statement is what it always was
        this.insert = "INSERT INTO order_journal (order_id, step, outcome, detail, refs, recorded_at"
                + (traces.on() ? ", trace_id) VALUES (?, ?, ?, ?, ?, ?,"
                        + " (SELECT SUBSTRING(trace_parent, 4, 32) FROM orders WHERE id = ?))"
                        : ") VALUES (?, ?, ?, ?, ?, ?)");
        this.withTraces = traces.on();
    }

    public void append(String orderId, String step, StepOutcome outcome, String detail) {
        append(orderId, step, outcome, detail, Map.of());
    }

    public void append(String orderId, String step, StepOutcome outcome, String detail, Map<String, String> refs) {
        append(orderId, List.of(new JournalEntry(step, outcome, Instant.now(), detail, refs)));
    }

    /**
     * Several entries of one order in one batch, in their order, each with its own time: what the order's route
     * did since it last wrote (a route writes when the order settles, waits, or after a step that must not repeat).
     */
    public void append(String orderId, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() == 1) {
            JournalEntry entry = entries.get(0);
            batches.update(insert, statement -> write(statement, orderId, entry));
            return;
        }
        batches.batchUpdate(insert, entries, entries.size(), (statement, entry) -> write(statement, orderId, entry));
    }

    private void write(PreparedStatement statement, String orderId, JournalEntry entry) throws SQLException {
        statement.setString(1, orderId);
        statement.setString(2, entry.step());
        statement.setString(3, entry.outcome().name());
        statement.setString(4, truncate(entry.detail()));
        statement.setString(5, entry.refs().isEmpty() ? null : RefsJson.write(json, entry.refs()));
        statement.setTimestamp(6, Timestamp.from(entry.at()));
        if (withTraces) {
            statement.setString(7, orderId);
        }
    }

    public List<JournalEntry> entries(String orderId) {
        return jdbc.sql("SELECT step, outcome, detail, refs, recorded_at, trace_id FROM order_journal WHERE order_id = :id"
                        + " ORDER BY id")
                .param("id", orderId)
                .query(this::entry)
                .list();
    }

    /** The journals of several orders in one query, for a page of orders. */
    public Map<String, List<JournalEntry>> entries(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<JournalEntry>> byOrder = new LinkedHashMap<>();
        jdbc.sql("SELECT order_id, step, outcome, detail, refs, recorded_at, trace_id FROM order_journal"
                        + " WHERE order_id IN (:ids) ORDER BY id")
                .param("ids", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getString("order_id"), k -> new ArrayList<>()).add(entry(rs, 0));
                });
        return byOrder;
    }

    /** Steps that completed once already: a replay or a redelivered message must not repeat them downstream. */
    public Set<String> completedSteps(String orderId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT step FROM order_journal WHERE order_id = :id AND outcome = 'OK'")
                .param("id", orderId)
                .query(String.class)
                .list());
    }

    private JournalEntry entry(ResultSet rs, int row) throws SQLException {
        String refs = rs.getString("refs");
        return new JournalEntry(
                rs.getString("step"),
                StepOutcome.valueOf(rs.getString("outcome")),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("detail"),
                refs == null ? Map.of() : RefsJson.read(json, refs),
                rs.getString("trace_id"));
    }



    private static String truncate(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL) {
            return detail;
        }
        return detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
