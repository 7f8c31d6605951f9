package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The API against its description (issue 20): every operation of /api is driven to each answer docs/openapi.yaml
 * documents for it, the success and every problem type, and each request and answer is checked against the served
 * description by {@link Contract} (the networknt validator). The last test fails when a documented answer was not
 * driven, except the few listed in {@link #NOT_DRIVEN} with the reason; another shows a renamed field is caught.
 */
@TestPropertySource(properties = {
        // the sandbox keys again (a list is replaced whole), a second reviewer to hold claims, and a scraper's key
        "ferry.security.api-keys[0].name=sandbox-intake",
        "ferry.security.api-keys[0].sha256=b4e45f437945444ab0085920aa1644012d9710805f732eb2639689a391c2bce7",
        "ferry.security.api-keys[0].roles=INTAKE",
        "ferry.security.api-keys[0].sources=webshop,bench",
        "ferry.security.api-keys[1].name=sandbox-ops",
        "ferry.security.api-keys[1].sha256=89e179d8050e6ed4be0bd0778efd0c72f9799f7c8b4438836b7d3d706c82602c",
        "ferry.security.api-keys[1].roles=INTAKE,REVIEWER,ADMIN,METRICS",
        "ferry.security.api-keys[1].sources=webshop,bench",
        "ferry.security.api-keys[2].name=it-reviewer",
        // it-reviewer-key
        "ferry.security.api-keys[2].sha256=fb70f9800dba102c37ea7a8da15f19577ce4b2c993ff765de9e0547f35be2307",
        "ferry.security.api-keys[2].roles=REVIEWER",
        "ferry.security.api-keys[3].name=it-metrics",
        // it-metrics-key
        "ferry.security.api-keys[3].sha256=43cf6633c7981c2120f67e59381508bc6d9aad4c25b28b03debd0040fb771af9",
        "ferry.security.api-keys[3].roles=METRICS",
        // configured, but no route starts with quartz:ferry/unrouted: 409 schedule-not-scheduled
        "ferry.schedules.unrouted.cron=0 0 0 1 1 ? 2099"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT extends FerryIntegrationTest {

    static final String OPS_KEY = "ferry-sandbox-ops-key";
    static final String REVIEWER_KEY = "it-reviewer-key";
    static final String METRICS_KEY = "it-metrics-key";

    /** Documented answers this test cannot bring about, each with the reason. */
    static final Map<String, String> NOT_DRIVEN = Map.of(
            "POST /api/orders 503 store-unavailable",
            "needs the store's disk to refuse writes under a running Ferry: StoreFailureIT drives it against a Ferry "
                    + "process whose data directory is made read-only, which this shared context cannot survive");

    private static Contract contract;

    @Autowired
    private Notices notices;

    @BeforeEach
    void description() {
        if (contract == null) {
            HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/v3/api-docs"))
                    .header("Authorization", "Bearer " + METRICS_KEY).GET().build());
            assertThat(served.statusCode()).isEqualTo(200);
            contract = new Contract(read(served.body()));
        }
    }

    @Test
    @Order(1)
    void orders() {
        String externalId = unique("ORD");
        ObjectNode order = TestOrders.ordinary(externalId);
        contract.checkRequest("POST", "/api/orders", order.toString());
        String orderId = expect(202, null, post(order.toString(), "application/json", INTAKE_KEY, externalId))
                .path("orderId").asText();
        expect(200, null, post(order.toString(), "application/json", INTAKE_KEY, externalId));
        expect(422, "idempotency-key-reused",
                post(TestOrders.ordinary(externalId + "-B").toString(), "application/json", INTAKE_KEY, externalId));
        expect(400, "invalid-order", post(order.deepCopy().put("currency", "EURO").toString(), "application/json",
                INTAKE_KEY, null));
        expect(401, "unauthorized", post(order.toString(), "application/json", null, null));
        expect(403, "forbidden", post(TestOrders.ordinary(unique("CRM")).put("source", "crm").toString(),
                "application/json", INTAKE_KEY, null));
        expect(413, "payload-too-large", post("{\"externalId\":\"" + "x".repeat(1_100_000) + "\"}",
                "application/json", INTAKE_KEY, null));
        expect(415, "unsupported-media-type", post(order.toString(), "text/plain", INTAKE_KEY, null));

        String list = "/api/orders";
        expect(200, null, call("GET", list, "/api/orders?source=webshop&size=5", INTAKE_KEY, null, null));
        expect(400, "bad-request", call("GET", list, "/api/orders?size=0", INTAKE_KEY, null, null));
        expect(401, "unauthorized", call("GET", list, "/api/orders", null, null, null));
        expect(403, "forbidden", call("GET", list, "/api/orders?source=crm", INTAKE_KEY, null, null));

        String one = "/api/orders/{orderId}";
        awaitStatus(orderId, "COMPLETED");
        expect(200, null, call("GET", one, "/api/orders/" + orderId, INTAKE_KEY, null, null));
        expect(401, "unauthorized", call("GET", one, "/api/orders/" + orderId, null, null, null));
        expect(403, "forbidden", call("GET", one, "/api/orders/" + orderId, METRICS_KEY, null, null));
        expect(404, "not-found", call("GET", one, "/api/orders/" + UUID.randomUUID(), INTAKE_KEY, null, null));

        String recording = "/api/orders/{orderId}/recording";
        expect(200, null, call("GET", recording, "/api/orders/" + orderId + "/recording", OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", recording, "/api/orders/" + orderId + "/recording", null, null, null));
        expect(403, "forbidden", call("GET", recording, "/api/orders/" + orderId + "/recording", INTAKE_KEY, null, null));
        expect(404, "not-found", call("GET", recording, "/api/orders/" + UUID.randomUUID() + "/recording", OPS_KEY,
                null, null));
        // 409 conflict: a discarded order, in inbox() below
    }

    @Test
    @Order(2)
    void inbox() {
        String corrected = openException(flag("EDIT"));
        String discarded = openException(flag("DISCARD"));
        String held = openException(flag("HELD"));
        String bulkReplayed = openException(flag("BULK-R"));
        String bulkDiscarded = openException(flag("BULK-D"));
        String marker = unique("N").toLowerCase();
        notices.raise(new Notice("reconciliation:contract:" + marker, FlagCategory.RECONCILIATION,
                "nightly-reconciliation", "SO-" + marker + ": no invoice", "The ERP has sales order SO-" + marker
                        + ", but accounting has no invoice for it.", "erp: {}", null));
        String notice = itemTitled("SO-" + marker + ": no invoice");
        notices.raise(new Notice("reconciliation:contract-held:" + marker, FlagCategory.RECONCILIATION,
                "nightly-reconciliation", "SO-" + marker + "-2: no invoice", "The ERP has sales order SO-" + marker
                        + "-2, but accounting has no invoice for it.", "erp: {}", null));
        String heldNotice = itemTitled("SO-" + marker + "-2: no invoice");
        String missing = "/api/exceptions/" + UUID.randomUUID();

        String list = "/api/exceptions";
        expect(400, "bad-request", call("GET", list, "/api/exceptions?status=SOMETIMES", OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", list, "/api/exceptions", null, null, null));
        expect(403, "forbidden", call("GET", list, "/api/exceptions", INTAKE_KEY, null, null));
        String counts = "/api/exceptions/counts";
        expect(200, null, call("GET", counts, counts, OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", counts, counts, null, null, null));
        expect(403, "forbidden", call("GET", counts, counts, INTAKE_KEY, null, null));
        String detail = "/api/exceptions/{id}";
        expect(200, null, call("GET", detail, "/api/exceptions/" + corrected, OPS_KEY, null, null));
        expect(200, null, call("GET", detail, "/api/exceptions/" + notice, OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", detail, "/api/exceptions/" + corrected, null, null, null));
        expect(403, "forbidden", call("GET", detail, "/api/exceptions/" + corrected, INTAKE_KEY, null, null));
        expect(404, "exception-not-found", call("GET", detail, missing, OPS_KEY, null, null));

        String claim = "/api/exceptions/{id}/claim";
        expect(200, null, call("POST", claim, "/api/exceptions/" + held + "/claim", REVIEWER_KEY, null, null));
        expect(409, "exception-claimed", call("POST", claim, "/api/exceptions/" + held + "/claim", OPS_KEY, null, null));
        expect(401, "unauthorized", call("POST", claim, "/api/exceptions/" + held + "/claim", null, null, null));
        expect(403, "forbidden", call("POST", claim, "/api/exceptions/" + held + "/claim", INTAKE_KEY, null, null));
        expect(404, "exception-not-found", call("POST", claim, missing + "/claim", OPS_KEY, null, null));
        expect(400, "bad-request", call("POST", claim, "/api/exceptions/" + held + "/claim", OPS_KEY,
                "application/json", "{"));
        expect(415, "unsupported-media-type", call("POST", claim, "/api/exceptions/" + held + "/claim", OPS_KEY,
                "text/plain", "{\"takeOver\":true}"));
        expect(409, "exception-claimed", call("DELETE", claim, "/api/exceptions/" + held + "/claim", OPS_KEY, null, null));
        expect(204, null, call("DELETE", claim, "/api/exceptions/" + held + "/claim", REVIEWER_KEY, null, null));
        expect(401, "unauthorized", call("DELETE", claim, "/api/exceptions/" + held + "/claim", null, null, null));
        expect(403, "forbidden", call("DELETE", claim, "/api/exceptions/" + held + "/claim", INTAKE_KEY, null, null));
        expect(404, "exception-not-found", call("DELETE", claim, missing + "/claim", OPS_KEY, null, null));
        expect(200, null, call("POST", claim, "/api/exceptions/" + held + "/claim", REVIEWER_KEY, null, null));
        expect(200, null, call("POST", claim, "/api/exceptions/" + heldNotice + "/claim", REVIEWER_KEY, null, null));

        String payload = "/api/exceptions/{id}/payload";
        String editPath = "/api/exceptions/" + corrected + "/payload";
        JsonNode flagged = ok("/api/exceptions/" + corrected).path("payload");
        ObjectNode fixed = ((ObjectNode) flagged.deepCopy());
        fixed.withObjectProperty("shipTo").put("postalCode", "1100-048");
        contract.checkRequest("PUT", payload, fixed.toString());
        ObjectNode invalid = fixed.deepCopy();
        ((ObjectNode) invalid.withArrayProperty("lines").get(0)).put("quantity", -1);
        expect(400, "invalid-order", call("PUT", payload, editPath, OPS_KEY, "application/json", invalid.toString()));
        expect(401, "unauthorized", call("PUT", payload, editPath, null, "application/json", fixed.toString()));
        expect(403, "forbidden", call("PUT", payload, editPath, INTAKE_KEY, "application/json", fixed.toString()));
        expect(404, "exception-not-found", call("PUT", payload, missing + "/payload", OPS_KEY, "application/json",
                fixed.toString()));
        expect(409, "exception-not-an-order", call("PUT", payload, "/api/exceptions/" + notice + "/payload", OPS_KEY,
                "application/json", fixed.toString()));
        expect(409, "exception-claimed", call("PUT", payload, "/api/exceptions/" + held + "/payload", OPS_KEY,
                "application/json", ok("/api/exceptions/" + held).path("payload").toString()));
        expect(413, "payload-too-large", call("PUT", payload, editPath, OPS_KEY, "application/json",
                "{\"externalId\":\"" + "x".repeat(1_100_000) + "\"}"));
        expect(415, "unsupported-media-type", call("PUT", payload, editPath, OPS_KEY, "text/plain", fixed.toString()));
        expect(200, null, call("PUT", payload, editPath, OPS_KEY, "application/json", fixed.toString()));

        String replay = "/api/exceptions/{id}/replay";
        expect(202, null, call("POST", replay, "/api/exceptions/" + corrected + "/replay", OPS_KEY, null, null));
        expect(409, "exception-not-open", call("POST", replay, "/api/exceptions/" + corrected + "/replay", OPS_KEY,
                null, null));
        expect(409, "exception-not-an-order", call("POST", replay, "/api/exceptions/" + notice + "/replay", OPS_KEY,
                null, null));
        expect(409, "exception-claimed", call("POST", replay, "/api/exceptions/" + held + "/replay", OPS_KEY, null, null));
        expect(401, "unauthorized", call("POST", replay, "/api/exceptions/" + held + "/replay", null, null, null));
        expect(403, "forbidden", call("POST", replay, "/api/exceptions/" + held + "/replay", INTAKE_KEY, null, null));
        expect(404, "exception-not-found", call("POST", replay, missing + "/replay", OPS_KEY, null, null));
        // the claim on a closed item, and the payload of one
        expect(409, "exception-not-open", call("POST", claim, "/api/exceptions/" + corrected + "/claim", OPS_KEY,
                null, null));
        expect(409, "exception-not-open", call("PUT", payload, editPath, OPS_KEY, "application/json", fixed.toString()));

        String discard = "/api/exceptions/{id}/discard";
        String reason = "{\"reason\":\"Customer cancelled\"}";
        expect(400, "invalid-request", call("POST", discard, "/api/exceptions/" + discarded + "/discard", OPS_KEY,
                "application/json", "{}"));
        expect(400, "bad-request", call("POST", discard, "/api/exceptions/" + discarded + "/discard", OPS_KEY,
                "application/json", "{"));
        expect(415, "unsupported-media-type", call("POST", discard, "/api/exceptions/" + discarded + "/discard",
                OPS_KEY, "text/plain", reason));
        contract.checkRequest("POST", discard, reason);
        expect(200, null, call("POST", discard, "/api/exceptions/" + discarded + "/discard", OPS_KEY,
                "application/json", reason));
        expect(409, "exception-not-open", call("POST", discard, "/api/exceptions/" + discarded + "/discard", OPS_KEY,
                "application/json", reason));
        expect(409, "exception-claimed", call("POST", discard, "/api/exceptions/" + held + "/discard", OPS_KEY,
                "application/json", reason));
        expect(401, "unauthorized", call("POST", discard, "/api/exceptions/" + held + "/discard", null,
                "application/json", reason));
        expect(403, "forbidden", call("POST", discard, "/api/exceptions/" + held + "/discard", INTAKE_KEY,
                "application/json", reason));
        expect(404, "exception-not-found", call("POST", discard, missing + "/discard", OPS_KEY, "application/json",
                reason));
        // an order that was discarded has not ended as the recording needs: 409
        String discardedOrder = ok("/api/exceptions/" + discarded).path("orderId").asText();
        expect(409, "conflict", call("GET", "/api/orders/{orderId}/recording", "/api/orders/" + discardedOrder
                + "/recording", OPS_KEY, null, null));

        String resolve = "/api/exceptions/{id}/resolve";
        String note = "{\"note\":\"Invoiced by hand in accounting\"}";
        expect(400, "invalid-request", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", OPS_KEY,
                "application/json", "{}"));
        expect(409, "exception-is-an-order", call("POST", resolve, "/api/exceptions/" + held + "/resolve",
                REVIEWER_KEY, "application/json", note));
        expect(409, "exception-claimed", call("POST", resolve, "/api/exceptions/" + heldNotice + "/resolve", OPS_KEY,
                "application/json", note));
        expect(400, "bad-request", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", OPS_KEY,
                "application/json", "{"));
        expect(415, "unsupported-media-type", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", OPS_KEY,
                "text/plain", note));
        contract.checkRequest("POST", resolve, note);
        expect(200, null, call("POST", resolve, "/api/exceptions/" + notice + "/resolve", OPS_KEY,
                "application/json", note));
        expect(409, "exception-not-open", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", OPS_KEY,
                "application/json", note));
        expect(401, "unauthorized", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", null,
                "application/json", note));
        expect(403, "forbidden", call("POST", resolve, "/api/exceptions/" + notice + "/resolve", INTAKE_KEY,
                "application/json", note));
        expect(404, "exception-not-found", call("POST", resolve, missing + "/resolve", OPS_KEY, "application/json",
                note));

        String replayAll = "/api/exceptions/replay";
        String some = "{\"ids\":[\"" + bulkReplayed + "\"]}";
        contract.checkRequest("POST", replayAll, some);
        expect(400, "invalid-request", call("POST", replayAll, replayAll, OPS_KEY, "application/json", "{}"));
        expect(401, "unauthorized", call("POST", replayAll, replayAll, null, "application/json", some));
        expect(403, "forbidden", call("POST", replayAll, replayAll, INTAKE_KEY, "application/json", some));
        expect(400, "bad-request", call("POST", replayAll, replayAll, OPS_KEY, "application/json", "{"));
        expect(415, "unsupported-media-type", call("POST", replayAll, replayAll, OPS_KEY, "text/plain", some));
        expect(202, null, call("POST", replayAll, replayAll, OPS_KEY, "application/json", some));
        String discardAll = "/api/exceptions/discard";
        String others = "{\"ids\":[\"" + bulkDiscarded + "\"],\"reason\":\"Duplicate of another order\"}";
        contract.checkRequest("POST", discardAll, others);
        expect(400, "invalid-request", call("POST", discardAll, discardAll, OPS_KEY, "application/json",
                "{\"ids\":[\"" + bulkDiscarded + "\"]}"));
        expect(401, "unauthorized", call("POST", discardAll, discardAll, null, "application/json", others));
        expect(403, "forbidden", call("POST", discardAll, discardAll, INTAKE_KEY, "application/json", others));
        expect(400, "bad-request", call("POST", discardAll, discardAll, OPS_KEY, "application/json", "{"));
        expect(415, "unsupported-media-type", call("POST", discardAll, discardAll, OPS_KEY, "text/plain", others));
        expect(200, null, call("POST", discardAll, discardAll, OPS_KEY, "application/json", others));
    }

    @Test
    @Order(3)
    void bots() {
        String list = "/api/bots";
        expect(200, null, call("GET", list, list, OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", list, list, null, null, null));
        expect(403, "forbidden", call("GET", list, list, INTAKE_KEY, null, null));

        String start = "/api/bots/{name}/runs";
        String starts = "/api/bots/book-freight/runs";
        // a postal code the portal refuses: the run fails and keeps its screenshot
        ObjectNode input = JSON.createObjectNode().put("orderId", unique("BOT"));
        input.putArray("lines").addObject().put("sku", "MUG-BLUE").put("quantity", 1);
        input.putObject("shipTo").put("name", "Ana Lima").put("street", "Rua do Ouro 1").put("postalCode", "1250/146")
                .put("city", "Lisboa").put("country", "PT");
        expect(400, "invalid-input", call("POST", start, starts, OPS_KEY, "application/json", "{}"));
        expect(404, "bot-not-found", call("POST", start, "/api/bots/no-such-bot/runs", OPS_KEY, "application/json",
                input.toString()));
        expect(415, "unsupported-media-type", call("POST", start, starts, OPS_KEY, "text/plain", input.toString()));
        expect(401, "unauthorized", call("POST", start, starts, null, "application/json", input.toString()));
        expect(403, "forbidden", call("POST", start, starts, REVIEWER_KEY, "application/json", input.toString()));
        String runId = expect(202, null, call("POST", start, starts, OPS_KEY, "application/json", input.toString()))
                .path("runId").asText();

        String run = "/api/bots/runs/{runId}";
        JsonNode done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> expect(200, null, call("GET", run, "/api/bots/runs/" + runId, OPS_KEY, null, null)),
                        r -> !r.path("status").asText().equals("RUNNING"));
        assertThat(done.path("artifacts")).as(done.toPrettyString()).isNotEmpty();
        expect(401, "unauthorized", call("GET", run, "/api/bots/runs/" + runId, null, null, null));
        expect(403, "forbidden", call("GET", run, "/api/bots/runs/" + runId, INTAKE_KEY, null, null));
        expect(404, "bot-run-not-found", call("GET", run, "/api/bots/runs/" + UUID.randomUUID(), OPS_KEY, null, null));

        String artifact = "/api/bots/runs/{runId}/artifacts/{file}";
        String href = done.path("artifacts").get(0).path("href").asText();
        expect(200, null, call("GET", artifact, href, OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", artifact, href, null, null, null));
        expect(403, "forbidden", call("GET", artifact, href, INTAKE_KEY, null, null));
        expect(404, "bot-run-not-found", call("GET", artifact, "/api/bots/runs/" + UUID.randomUUID()
                + "/artifacts/screenshot.png", OPS_KEY, null, null));
        expect(404, "artifact-not-found", call("GET", artifact, "/api/bots/runs/" + runId + "/artifacts/never-taken.png",
                OPS_KEY, null, null));
    }

    @Test
    @Order(4)
    void schedules() {
        String list = "/api/schedules";
        expect(200, null, call("GET", list, list, OPS_KEY, null, null));
        expect(401, "unauthorized", call("GET", list, list, null, null, null));
        expect(403, "forbidden", call("GET", list, list, INTAKE_KEY, null, null));
        String name = "/api/schedules/nightly-reconciliation";
        String missing = "/api/schedules/no-such-schedule";
        String unrouted = "/api/schedules/unrouted";
        for (String suffix : new String[] {"", "/runs"}) {
            String template = "/api/schedules/{name}" + suffix;
            expect(200, null, call("GET", template, name + suffix, REVIEWER_KEY, null, null));
            expect(401, "unauthorized", call("GET", template, name + suffix, null, null, null));
            expect(403, "forbidden", call("GET", template, name + suffix, INTAKE_KEY, null, null));
            expect(404, "schedule-not-found", call("GET", template, missing + suffix, OPS_KEY, null, null));
        }
        expect(400, "bad-request", call("GET", "/api/schedules/{name}/runs", name + "/runs?limit=ten", OPS_KEY, null,
                null));
        for (String action : new String[] {"/pause", "/resume", "/run"}) {
            String template = "/api/schedules/{name}" + action;
            expect(action.equals("/run") ? 202 : 200, null, call("POST", template, name + action, OPS_KEY, null, null));
            expect(401, "unauthorized", call("POST", template, name + action, null, null, null));
            expect(403, "forbidden", call("POST", template, name + action, REVIEWER_KEY, null, null));
            expect(404, "schedule-not-found", call("POST", template, missing + action, OPS_KEY, null, null));
            expect(409, "schedule-not-scheduled", call("POST", template, unrouted + action, OPS_KEY, null, null));
        }
    }

    // a person's session reads the API as the description says (security scheme "session")
    @Test
    @Order(5)
    void aSignedInPersonsSessionIsAnsweredAsDescribed() {
        SecurityIT.Session reviewer = SecurityIT.Session.signIn(this, "reviewer", "reviewer", "192.0.2.31");
        HttpResponse<String> counts = reviewer.get("/api/exceptions/counts");
        contract.check("GET", "/api/exceptions/counts", counts);
        assertThat(counts.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void aRenamedFieldInTheDescriptionFailsTheCheck() {
        HttpResponse<String> accepted = post(TestOrders.ordinary(unique("DRIFT")).toString(), "application/json",
                INTAKE_KEY, null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        contract.check("POST", "/api/orders", accepted);

        HttpResponse<String> served = send(HttpRequest.newBuilder(uri("/v3/api-docs"))
                .header("Authorization", "Bearer " + METRICS_KEY).GET().build());
        ObjectNode drifted = (ObjectNode) read(served.body());
        ObjectNode properties = (ObjectNode) drifted.at("/components/schemas/Accepted/properties");
        properties.set("orderNumber", properties.remove("orderId"));
        Contract renamed = new Contract(drifted);

        assertThatThrownBy(() -> renamed.check("POST", "/api/orders", accepted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("orderId");
        ObjectNode order = (ObjectNode) drifted.at("/components/schemas/Order/properties");
        order.set("externalReference", order.remove("externalId"));
        Contract renamedRequest = new Contract(drifted);
        assertThatThrownBy(() -> renamedRequest.checkRequest("POST", "/api/orders",
                TestOrders.ordinary(unique("DRIFT")).toString())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("externalId");
    }

    @Test
    @Order(7)
    void theDescriptionsExamplesMatchItsSchemas() {
        Set<String> examples = contract.examples();
        assertThat(examples).as("media types with examples").hasSizeGreaterThan(50)
                .contains("/paths/~1api~1orders/post/requestBody/content/application~1json");
        examples.forEach(contract::checkExamples);
    }

    @Test
    @Order(100)
    void everyDocumentedAnswerWasDriven() {
        Set<String> missing = new TreeSet<>(contract.documented());
        missing.removeAll(contract.seen());
        missing.removeAll(NOT_DRIVEN.keySet());
        System.out.println("OpenApiContractIT drove " + contract.seen().size() + " of " + contract.documented().size()
                + " documented answers; not driven: " + NOT_DRIVEN.keySet());
        assertThat(missing).as("documented answers no test drove (drive them, or list them in NOT_DRIVEN with why)")
                .isEmpty();
        assertThat(contract.documented()).containsAll(NOT_DRIVEN.keySet());
        assertThat(contract.seen()).doesNotContainAnyElementsOf(NOT_DRIVEN.keySet());
    }

    @Override
    HttpResponse<String> post(String body, String contentType, String key, String idempotencyKey) {
        return contract.check("POST", "/api/orders", super.post(body, contentType, key, idempotencyKey));
    }

    private HttpResponse<String> call(String method, String template, String path, String key, String contentType,
            String body) {
        var request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return contract.check(method, template, send(request.build()));
    }

    /** The answer has this status (and problem type); its JSON body, or null for none. */
    private static JsonNode expect(int status, String type, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isEqualTo(status);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.contains("json")) {
            return null;
        }
        JsonNode body = read(response.body());
        if (type != null) {
            assertThat(body.path("type").asText()).isEqualTo("https://ferry.dev/problems/" + type);
        }
        return body;
    }

    private JsonNode ok(String path) {
        return expect(200, null, call("GET", "/api/exceptions/{id}", path, OPS_KEY, null, null));
    }

    private String flag(String prefix) {
        String orderId = accept(TestOrders.withPostalCode(unique(prefix), "00000"));
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    private String openException(String orderId) {
        JsonNode page = expect(200, null, call("GET", "/api/exceptions", "/api/exceptions?status=OPEN&q=" + orderId,
                OPS_KEY, null, null));
        assertThat(page.path("items")).as(page.toPrettyString()).hasSize(1);
        return page.path("items").get(0).path("id").asText();
    }

    private String itemTitled(String title) {
        JsonNode page = expect(200, null, call("GET", "/api/exceptions", "/api/exceptions?status=OPEN&category="
                + "RECONCILIATION&size=200", OPS_KEY, null, null));
        for (JsonNode item : page.path("items")) {
            if (title.equals(item.path("title").asText())) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("No open item titled " + title + " in " + page.toPrettyString());
    }

    private static String unique(String prefix) {
        return "CONTRACT-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
