package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The freight portal's concurrency limit (2, rpa-bots/nordic-freight) held across nodes: while another
 * node holds both of its slots in {@code bot_slots}, this node's bot run does not touch the portal; it
 * goes once a slot comes free, and fails TIMEOUT when none does within {@code ferry.rpa.slot-wait}.
 */
// long enough that a loaded machine still sees the first run waiting before the test frees a slot; the
// second test then waits it out in full
@TestPropertySource(properties = "ferry.rpa.slot-wait=20s")
class BotSlotsIT extends FerryIntegrationTest {

    private static final String PORTAL = "freight-portal";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void anotherNodeHoldsEverySlotOfThePortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
        jdbc.sql("DELETE FROM bot_slots WHERE system = :system").param("system", PORTAL).update();
        for (int slot = 1; slot <= 2; slot++) {
            jdbc.sql("""
                    INSERT INTO bot_slots (system, slot, holder, node, taken_at, lease_until)
                    VALUES (:system, :slot, :holder, 'node-2', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1' HOUR)""")
                    .param("system", PORTAL).param("slot", slot).param("holder", "run-on-node-2-" + slot)
                    .update();
        }
        sandbox.portal().activity().reset();
    }

    @AfterEach
    void freeTheSlots() {
        jdbc.sql("DELETE FROM bot_slots WHERE system = :system").param("system", PORTAL).update();
    }

    @Test
    void aRunWaitsWhileAnotherNodeHoldsEverySlotAndGoesOnceOneComesFree() {
        String runId = start("SLOT-WAIT");

        // waiting all along, and leaving the portal alone while the other node holds both slots
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(runId).path("status").asText().equals("RUNNING")
                        && sandbox.portal().activity().requests() == 0);

        jdbc.sql("UPDATE bot_slots SET holder = NULL, node = NULL, taken_at = NULL, lease_until = NULL"
                + " WHERE system = :system AND slot = 2").param("system", PORTAL).update();

        JsonNode run = awaitEnd(runId);
        assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(sandbox.portal().activity().maxSessionsInFlight()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bot_slots WHERE system = :system AND holder IS NOT NULL")
                .param("system", PORTAL).query(Integer.class).single()).as("only node-2's slot is held").isEqualTo(1);
    }

    @Test
    void aRunThatFindsNoSlotFreeWithinTheWaitFailsAsATimeout() {
        String runId = start("SLOT-NONE");

        JsonNode run = awaitEnd(runId);

        assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("FAILED");
        assertThat(run.path("failureCode").asText()).isEqualTo("TIMEOUT");
        assertThat(run.path("error").asText()).contains("within PT20S", "limit of 2 run(s) at once");
        assertThat(sandbox.portal().activity().requests()).as("requests to the portal").isZero();
    }

    private String start(String orderId) {
        ObjectNode input = JSON.createObjectNode().put("orderId", orderId);
        input.putArray("lines").addObject().put("sku", "MUG-BLUE").put("quantity", 1);
        input.putObject("shipTo").put("name", "Slot Test").put("street", "Rua do Ouro 1").put("postalCode", "1100-060")
                .put("city", "Lisboa").put("country", "PT");
        HttpResponse<String> started = ops(HttpRequest.newBuilder(uri("/api/bots/book-freight/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(input.toString())));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return read(started.body()).path("runId").asText();
    }

    private JsonNode awaitEnd(String runId) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(runId), r -> !r.path("status").asText().equals("RUNNING"));
    }

    private JsonNode status(String runId) {
        return read(ops(HttpRequest.newBuilder(uri("/api/bots/runs/" + runId)).GET()).body());
    }

    private HttpResponse<String> ops(HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).build());
    }
}
