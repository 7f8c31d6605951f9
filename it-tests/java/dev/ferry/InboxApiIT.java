package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The review inbox API: flagged orders are found, corrected, replayed or discarded, and it all leaves a trail. */
class InboxApiIT extends FerryIntegrationTest {

    static final String OPS_KEY = "ferry-sandbox-ops-key";
    static final String OPS_ACTOR = "api-key:sandbox-ops";

    @Test
    void aFlaggedOrderIsFoundByCategoryAndSearchWithItsReasonPayloadAndHistory() {
        String externalId = unique("C404");
        String orderId = flag(TestOrders.forCustomer(externalId, "C-404"));

        JsonNode page = ok(get("/api/exceptions?category=DOWNSTREAM_REJECTED&q=" + externalId.toLowerCase(), OPS_KEY));

        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("orderId").asText()).isEqualTo(orderId);
        assertThat(item.path("status").asText()).isEqualTo("OPEN");
        assertThat(item.path("step").asText()).isEqualTo("resolve-customer");
        assertThat(item.path("externalId").asText()).isEqualTo(externalId);
        assertThat(item.path("customerName").asText()).isEqualTo("Ana Lima");

        JsonNode detail = ok(get("/api/exceptions/" + item.path("id").asText(), OPS_KEY));
        assertThat(detail.path("reason").asText()).contains("C-404");
        assertThat(detail.path("payload").path("externalId").asText()).isEqualTo(externalId);
        assertThat(detail.path("order").path("status").asText()).isEqualTo("FLAGGED");
        assertThat(detail.path("history")).extracting(h -> h.path("actor").asText(), h -> h.path("action").asText())
                .containsExactly(tuple("ferry", "flagged"));
        assertThat(detail.path("history").get(0).path("note").asText()).isEqualTo(detail.path("reason").asText());
        JsonNode counts = ok(get("/api/exceptions/counts", OPS_KEY)).path("OPEN");
        assertThat(counts.path("total").asLong()).isPositive();
        assertThat(counts.path("byCategory").path("DOWNSTREAM_REJECTED").asLong()).isPositive();
    }

    @Test
    void aCorrectedAddressAndAReplayCompleteTheOrderWithOneSalesOrderInvoiceAndShipment() {
        String externalId = unique("ZIP");
        String orderId = flag(TestOrders.withPostalCode(externalId, "00000"));
        JsonNode exception = openException(orderId);
        assertThat(exception.path("step").asText()).isEqualTo("create-shipment");

        JsonNode edited = ok(put("/api/exceptions/" + exception.path("id").asText() + "/payload",
                TestOrders.withPostalCode(externalId, "1100-048"), OPS_KEY));
        assertThat(edited.path("payload").path("shipTo").path("postalCode").asText()).isEqualTo("1100-048");

        HttpResponse<String> replay = post("/api/exceptions/" + exception.path("id").asText() + "/replay", null, OPS_KEY);
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(read(replay.body()).path("orderId").asText()).isEqualTo(orderId);
        JsonNode order = awaitStatus(orderId, "COMPLETED");

        assertThat(sandbox.erp().salesOrderRecords()).filteredOn(r -> orderId.equals(r.path("reference").asText())).hasSize(1);
        assertThat(sandbox.accounting().invoiceRecords()).filteredOn(r -> orderId.equals(r.path("reference").asText())).hasSize(1);
        assertThat(sandbox.shipping().shipmentRecords()).filteredOn(r -> orderId.equals(r.path("reference").asText())).hasSize(1);
        assertThat(story(order)).containsSubsequence("create-shipment FAILED", "edit OK", "replay OK",
                "create-sales-order SKIPPED", "create-invoice SKIPPED", "create-shipment OK", "update-crm-status OK");
        assertThat(journal(order, "edit").get(0).path("detail").asText())
                .isEqualTo("Payload corrected by " + OPS_ACTOR + ": /shipTo/postalCode");

        JsonNode detail = ok(get("/api/exceptions/" + exception.path("id").asText(), OPS_KEY));
        assertThat(detail.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(detail.path("history")).extracting(h -> h.path("action").asText(), h -> h.path("actor").asText())
                .containsExactly(tuple("flagged", "ferry"), tuple("edited", OPS_ACTOR), tuple("replayed", OPS_ACTOR));
        assertThat(detail.path("history").get(1).path("payloadBefore").path("shipTo").path("postalCode").asText())
                .isEqualTo("00000");
    }

    @Test
    void anInvalidEditIsRefusedWithEveryViolationAndChangesNothing() {
        String externalId = unique("BADEDIT");
        String orderId = flag(TestOrders.forCustomer(externalId, "C-404"));
        String id = openException(orderId).path("id").asText();
        ObjectNode invalid = TestOrders.forCustomer(externalId + "-CHANGED", "C-1001");
        ((ObjectNode) invalid.withArrayProperty("lines").get(0)).put("quantity", -1);

        HttpResponse<String> response = put("/api/exceptions/" + id + "/payload", invalid, OPS_KEY);

        JsonNode problem = problem(response, 400);
        assertThat(problem.path("errors").findValuesAsText("pointer")).contains("/lines/0/quantity", "/externalId");
        JsonNode detail = ok(get("/api/exceptions/" + id, OPS_KEY));
        assertThat(detail.path("payload")).isEqualTo(TestOrders.forCustomer(externalId, "C-404"));
        assertThat(detail.path("history")).hasSize(1);
        assertThat(journal(detail.path("order"), "edit")).isEmpty();
    }

    @Test
    void aCorrectionGoesThroughTheSameMoneyRulesAsIntake() {
        String externalId = unique("MONEYEDIT");
        String orderId = flag(TestOrders.forCustomer(externalId, "C-404"));
        String id = openException(orderId).path("id").asText();
        ObjectNode corrected = TestOrders.forCustomer(externalId, "C-1001").put("currency", "JPY");

        HttpResponse<String> response = put("/api/exceptions/" + id + "/payload", corrected, OPS_KEY);

        JsonNode problem = problem(response, 400);
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("/lines/0/unitPrice");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("JPY has no decimals; 12.50 has 2");
        assertThat(ok(get("/api/exceptions/" + id, OPS_KEY)).path("history")).hasSize(1);
    }

    @Test
    void aDiscardNeedsAReasonAndThenDiscardsTheOrder() {
        String orderId = flag(TestOrders.forCustomer(unique("DISCARD"), "C-404"));
        String id = openException(orderId).path("id").asText();

        JsonNode problem = problem(post("/api/exceptions/" + id + "/discard", Map.of("reason", " "), OPS_KEY), 400);
        assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactly("/reason");
        problem(post("/api/exceptions/" + id + "/discard", null, OPS_KEY), 400);
        assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");

        JsonNode detail = ok(post("/api/exceptions/" + id + "/discard", Map.of("reason", "Customer cancelled"), OPS_KEY));

        assertThat(detail.path("status").asText()).isEqualTo("DISCARDED");
        assertThat(order(orderId).path("status").asText()).isEqualTo("DISCARDED");
        JsonNode last = detail.path("history").get(detail.path("history").size() - 1);
        assertThat(last.path("action").asText()).isEqualTo("discarded");
        assertThat(last.path("note").asText()).isEqualTo("Customer cancelled");
        assertThat(last.path("actor").asText()).isEqualTo(OPS_ACTOR);
        assertThat(story(order(orderId))).endsWith("discard OK");
        problem(post("/api/exceptions/" + id + "/replay", null, OPS_KEY), 409);
    }

    @Test
    void anIntakeKeyIsForbiddenOnEveryInboxEndpoint() {
        String orderId = flag(TestOrders.forCustomer(unique("FORBIDDEN"), "C-404"));
        String id = openException(orderId).path("id").asText();
        Map<String, List<String>> selection = Map.of("ids", List.of(id));

        List<HttpResponse<String>> answers = List.of(
                get("/api/exceptions", INTAKE_KEY),
                get("/api/exceptions/" + id, INTAKE_KEY),
                get("/api/exceptions/counts", INTAKE_KEY),
                put("/api/exceptions/" + id + "/payload", TestOrders.forCustomer("X", "C-1001"), INTAKE_KEY),
                post("/api/exceptions/" + id + "/replay", null, INTAKE_KEY),
                post("/api/exceptions/" + id + "/discard", Map.of("reason", "no"), INTAKE_KEY),
                post("/api/exceptions/replay", selection, INTAKE_KEY),
                post("/api/exceptions/discard", Map.of("ids", List.of(id), "reason", "no"), INTAKE_KEY));

        assertThat(answers).allSatisfy(response -> problem(response, 403));
        assertThat(openException(orderId).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void replayingABusinessRuleExceptionIsTheApproval() {
        String orderId = flag(TestOrders.withQuantity(unique("BIG"), 1000));
        JsonNode exception = openException(orderId);
        assertThat(exception.path("category").asText()).isEqualTo("BUSINESS_RULE");
        assertThat(sandbox.erp().salesOrderRecords()).noneMatch(r -> orderId.equals(r.path("reference").asText()));

        assertThat(post("/api/exceptions/" + exception.path("id").asText() + "/replay", null, OPS_KEY).statusCode())
                .isEqualTo(202);

        JsonNode order = awaitStatus(orderId, "COMPLETED");
        List<JsonNode> rules = journal(order, "check-rules");
        assertThat(rules).extracting(e -> e.path("outcome").asText()).containsExactly("FAILED", "OK", "SKIPPED");
        assertThat(rules.get(1).path("detail").asText()).isEqualTo("Approved by " + OPS_ACTOR);
        assertThat(sandbox.erp().salesOrderRecords()).filteredOn(r -> orderId.equals(r.path("reference").asText())).hasSize(1);
    }

    @Test
    void aBulkReplayByIdsSendsEachOrderThroughAgain() {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orderIds.add(flag(TestOrders.withQuantity(unique("BULK"), 1000)));
        }
        String unknownCustomer = unique("BULK404");
        String stillFailing = flag(TestOrders.forCustomer(unknownCustomer, "C-404"));
        List<String> ids = new ArrayList<>();
        orderIds.forEach(orderId -> ids.add(openException(orderId).path("id").asText()));
        String stillFailingId = openException(stillFailing).path("id").asText();
        ids.add(stillFailingId);
        problem(post("/api/exceptions/replay", Map.of("ids", List.of()), OPS_KEY), 400);

        HttpResponse<String> response = post("/api/exceptions/replay", Map.of("ids", ids), OPS_KEY);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(read(response.body()).path("replayed").asInt()).isEqualTo(4);
        assertThat(read(response.body()).path("exceptionIds")).extracting(JsonNode::asText).containsExactlyElementsOf(ids);
        orderIds.forEach(orderId -> awaitStatus(orderId, "COMPLETED"));
        // replayed unchanged, the unknown customer is flagged again: a new OPEN exception beside the resolved one
        awaitStatus(stillFailing, "FLAGGED");
        JsonNode both = ok(get("/api/exceptions?q=" + unknownCustomer, OPS_KEY));
        assertThat(both.path("items")).extracting(e -> e.path("status").asText())
                .containsExactlyInAnyOrder("OPEN", "RESOLVED");
        assertThat(post("/api/exceptions/replay", Map.of("ids", List.of(stillFailingId)), OPS_KEY).statusCode())
                .isEqualTo(400);
    }

    // --- helpers

    private String flag(ObjectNode order) {
        String orderId = accept(order);
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    /** The OPEN exception of the order, found the way a reviewer would: by searching for its id. */
    private JsonNode openException(String orderId) {
        JsonNode page = ok(get("/api/exceptions?status=OPEN&q=" + orderId, OPS_KEY));
        assertThat(page.path("items")).as(page.toPrettyString()).hasSize(1);
        return page.path("items").get(0);
    }

    private static List<String> story(JsonNode order) {
        List<String> story = new ArrayList<>();
        order.path("journal").forEach(e -> story.add(e.path("step").asText() + " " + e.path("outcome").asText()));
        return story;
    }

    private static String unique(String prefix) {
        return "INBOX-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    private HttpResponse<String> put(String path, JsonNode body, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    private HttpResponse<String> post(String path, Object body, String key) {
        var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(body).toString()));
        }
        return send(request.build());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://ferry.dev/problems/");
        return problem;
    }
}
