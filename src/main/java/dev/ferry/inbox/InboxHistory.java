package dev.ferry.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who did what to an exception, and when: append-only, like the order journal. */
@Component
class InboxHistory {

    /** The actor of what Ferry does by itself. */
    static final String FERRY = "ferry";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    InboxHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String exceptionId, String actor, String action, String note) {
        add(exceptionId, actor, action, note, null, null);
    }

    /** An edit keeps the order as it was and as the reviewer left it. */
    void add(String exceptionId, String actor, String action, String note, JsonNode before, JsonNode after) {
        jdbc.sql("""
                INSERT INTO exception_history (exception_id, at, actor, action, note, payload_before, payload_after)
                VALUES (:id, :at, :actor, :action, :note, :before, :after)""")
                .param("id", exceptionId)
                .param("at", Timestamp.from(Instant.now()))
                .param("actor", InboxStore.truncate(actor, 200))
                .param("action", action)
                .param("note", note == null ? null : InboxStore.truncate(note, 2000))
                .param("before", before == null ? null : before.toString())
                .param("after", after == null ? null : after.toString())
                .update();
    }

    List<HistoryEntry> of(String exceptionId) {
        return jdbc.sql("SELECT at, actor, action, note, payload_before, payload_after FROM exception_history"
                        + " WHERE exception_id = :id ORDER BY id")
                .param("id", exceptionId)
                .query((rs, row) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("note"), read(rs.getString("payload_before")),
                        read(rs.getString("payload_after"))))
                .list();
    }

    private JsonNode read(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload is not JSON", e);
        }
    }
}
