package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An order left IN_PROGRESS with no journal entry for longer than stall-after is flagged, not forgotten. */
class StalledOrdersIT extends FerryIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrderWhoseJournalStoppedMovingIsFlaggedAsStalled() {
        String id = accept(TestOrders.forCustomer("STALL-1", "C-404"));
        awaitStatus(id, "FLAGGED");

        // as if a worker took the order an hour ago and vanished without a trace
        jdbc.sql("UPDATE orders SET status = 'IN_PROGRESS', lease_owner = NULL, lease_until = NULL WHERE id = :id")
                .param("id", id).update();
        jdbc.sql("UPDATE order_journal SET recorded_at = :then WHERE order_id = :id")
                .param("then", Timestamp.from(Instant.now().minus(Duration.ofHours(1)))).param("id", id).update();

        await().atMost(Duration.ofSeconds(30)).until(() -> "FLAGGED".equals(order(id).path("status").asText()));
        List<JsonNode> journal = List.copyOf(order(id).path("journal").findParents("step"));
        JsonNode last = journal.get(journal.size() - 1);
        assertThat(last.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(last.path("detail").asText()).startsWith("RETRIES_EXHAUSTED:").contains("stalled");
    }
}
