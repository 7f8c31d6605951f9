package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.portal.Consignment;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Freight orders booked by the book-freight bot on the sandbox portal, in real headless Chromium. */
class FreightBookingIT extends FerryIntegrationTest {

    @Value("${ferry.data-dir}")
    String dataDir;

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void restoreScreen() {
        sandbox.portal().hazards().changeScreen(false);
    }

    @Test
    void aFreightOrderIsBookedOnThePortalAndCarriesItsConsignmentNumber() {
        String id = accept(TestOrders.withService("FRT-OK", "freight"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        Consignment booked = onlyConsignment(id);
        assertThat(order.path("refs").path("trackingNumber").asText()).isEqualTo(booked.number()).startsWith("NF-");
        assertThat(journal(order, "book-freight")).extracting(e -> e.path("outcome").asText()).containsExactly("OK");
        assertThat(booked.parcels()).isEqualTo(1);
        assertThat(booked.country()).isEqualTo("PT");

        // the journal names the bot run, and the run is on record as SUCCEEDED with the booking
        JsonNode ok = journal(order, "book-freight").get(0);
        String runId = ok.path("refs").path("botRunId").asText();
        assertThat(ok.path("detail").asText()).contains("botRunId " + runId);
        JsonNode run = read(opsGet("/api/bots/runs/" + runId).body());
        assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("bot").asText()).isEqualTo("book-freight");
        assertThat(run.path("orderId").asText()).isEqualTo(id);
        assertThat(run.path("output").path("trackingNumber").asText()).isEqualTo(booked.number());
        assertThat(run.path("finishedAt").asText()).isNotEmpty();
        assertThat(run.path("artifacts")).isEmpty();
    }

    @Test
    void theBotsApiListsTheBotsAndRefusesAnInputThatDoesNotFit() {
        JsonNode bots = read(opsGet("/api/bots").body());
        assertThat(bots.path("items").findValuesAsText("name")).contains("book-freight");

        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/bots/book-freight/runs"))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"shipTo\": 42}")).build());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(refused.body()).path("errors").findValuesAsText("pointer")).contains("/orderId");

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/bots/no-such-bot/runs"))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(opsGet("/api/bots/runs/../../etc/passwd").statusCode()).isIn(400, 404);
    }

    @Test
    void aBusyPortalIsTriedAgainAndTheOrderCompletes() {
        sandbox.portal().hazards().busyNextRequests(1);
        String id = accept(TestOrders.withService("FRT-BUSY", "freight"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        assertThat(journal(order, "book-freight")).extracting(e -> e.path("outcome").asText())
                .containsExactly("RETRY", "OK");
        assertThat(journal(order, "book-freight").get(0).path("detail").asText()).contains("busy");
        onlyConsignment(id);
    }

    @Test
    void aChangedScreenFlagsTheOrderWithEvidenceAndAReplayAfterTheFixBooksOnce() {
        sandbox.portal().hazards().changeScreen(true);
        String id = accept(TestOrders.withService("FRT-CHANGED", "freight"));

        JsonNode flagged = awaitStatus(id, "FLAGGED");

        JsonNode failed = journal(flagged, "book-freight").get(0);
        assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.path("detail").asText()).startsWith("BOT_FAILED:")
                .contains("The Nordic Freight portal screen has changed").contains("Postal code");
        String exceptionId = flagged.path("exceptionId").asText();
        assertThat(evidenceFolder(exceptionId).resolve("screenshot.png")).isNotEmptyFile();
        assertThat(sandbox.portal().consignments()).noneMatch(c -> c.reference().equals(reference(id)));

        // the inbox item lists the failing run's screenshot and page, served to reviewers only
        JsonNode item = read(opsGet("/api/exceptions/" + exceptionId).body());
        assertThat(item.path("artifacts").findValuesAsText("kind")).containsExactly("screenshot", "html", "trace");
        String screenshot = item.path("artifacts").get(0).path("href").asText();
        assertThat(screenshot).matches("/api/bots/runs/[0-9a-f-]{36}/artifacts/screenshot\\.png");
        HttpResponse<byte[]> png = sendBytes(HttpRequest.newBuilder(uri(screenshot))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(send(HttpRequest.newBuilder(uri(screenshot)).GET().build()).statusCode()).isEqualTo(401);
        HttpResponse<String> html = opsGet(item.path("artifacts").get(1).path("href").asText());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(html.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment"));
        assertThat(opsGet(screenshot.replace("screenshot.png", "..%2F..%2Fdb")).statusCode()).isIn(400, 404);

        // the trace is a Playwright trace zip: the viewer's action log and snapshots, ending at the failed wait
        HttpResponse<byte[]> trace = sendBytes(HttpRequest.newBuilder(uri(item.path("artifacts").get(2).path("href")
                .asText())).header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build());
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(trace.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> entries = TraceZip.read(trace.body());
        assertThat(entries).containsKeys("trace.trace", "trace.network");
        assertThat(entries.get("trace.trace")).contains("\"type\":\"context-options\"").contains("frame-snapshot")
                .contains("Postal code").contains("waitFor");

        sandbox.portal().hazards().changeScreen(false);
        assertThat(send(HttpRequest.newBuilder(uri("/api/exceptions/" + exceptionId + "/replay"))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(202);

        JsonNode order = awaitStatus(id, "COMPLETED");
        assertThat(order.path("refs").path("trackingNumber").asText()).isEqualTo(onlyConsignment(id).number());
    }

    @Test
    void aCountryThePortalDoesNotOfferFlagsTheOrderAtOnceWithEvidence() {
        ObjectNode freight = TestOrders.withService("FRT-COUNTRY", "freight");
        freight.withObjectProperty("shipTo").put("country", "US");
        String id = accept(freight);

        JsonNode flagged = awaitStatus(id, "FLAGGED");

        // one attempt: no portal will offer the country on a retry, so the order waits for a person at once
        assertThat(journal(flagged, "book-freight")).extracting(e -> e.path("outcome").asText()).containsExactly("FAILED");
        // a data problem, as when an API refuses the data: the country must change, the screen did not
        assertThat(journal(flagged, "book-freight").get(0).path("detail").asText()).startsWith("DOWNSTREAM_REJECTED:")
                .contains("The Nordic Freight portal does not offer country 'US'");
        JsonNode item = read(opsGet("/api/exceptions/" + flagged.path("exceptionId").asText()).body());
        assertThat(item.path("attempts").asInt()).isEqualTo(1);
        assertThat(item.path("detail").asText()).contains("NOT_OFFERED");
        assertThat(item.path("reason").asText()).startsWith("The Nordic Freight portal does not offer country 'US'");
        assertThat(item.path("artifacts").findValuesAsText("kind")).contains("screenshot");
        assertThat(sandbox.portal().consignments()).noneMatch(c -> c.reference().equals(reference(id)));
    }

    private HttpResponse<String> opsGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .GET().build());
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Consignment onlyConsignment(String orderId) {
        List<Consignment> booked = sandbox.portal().consignments().stream()
                .filter(c -> c.reference().equals(reference(orderId))).toList();
        assertThat(booked).hasSize(1);
        return booked.get(0);
    }

    /** The portal's customer reference holds at most 35 characters: the order id without hyphens. */
    private static String reference(String orderId) {
        return orderId.replace("-", "");
    }

    /**
     * The folder of the failed run's evidence, bot-runs/&lt;run id&gt; under the data directory; the inbox item's
     * technical detail links the run, and names no folder.
     */
    private Path evidenceFolder(String exceptionId) {
        JsonNode item = read(opsGet("/api/exceptions/" + exceptionId).body());
        String href = item.path("artifacts").get(0).path("href").asText();
        String runId = href.replaceFirst("^/api/bots/runs/([^/]+)/.*$", "$1");
        assertThat(item.path("detail").asText()).as(item.toPrettyString()).contains("SCREEN_CHANGED")
                .endsWith("; run: /api/bots/runs/" + runId).doesNotContain(dataDir);
        return Path.of(dataDir, "bot-runs", runId);
    }
}
