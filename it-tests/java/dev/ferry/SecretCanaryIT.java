package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's user name and password are canaries ({@link FerryIntegrationTest#PORTAL_USERNAME}, shown by the
 * portal on every page after login, and {@link FerryIntegrationTest#PORTAL_PASSWORD}, typed into a password
 * field). After bookings that succeed, are retried and fail with evidence, both are searched for in every
 * spelling ({@link Leaks}) in Ferry's log output, every API answer, the inbox pages, the page HTML, every entry
 * of the trace, Prometheus, the whole database and every file under the data directory: zero hits. And data
 * that merely holds the user name (a customer id) is kept as it is.
 */
@ExtendWith(OutputCaptureExtension.class)
// a test context has no Prometheus registry unless asked for one
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretCanaryIT extends FerryIntegrationTest {

    private static final Map<String, String> SECRETS = Map.of("the portal user name", PORTAL_USERNAME,
            "the portal password", PORTAL_PASSWORD);

    @Autowired
    JdbcClient jdbc;

    @Value("${ferry.data-dir}")
    String dataDir;

    /** What Ferry answered, by request (a zip's entries each on their own), to be searched for the secrets. */
    private final Map<String, String> answers = new LinkedHashMap<>();

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void restoreScreen() {
        sandbox.portal().hazards().changeScreen(false);
    }

    // first: the whole database and data directory are searched, before the next test puts the user name in an order
    @Test
    @Order(1)
    void theSecretsAreInNoLogAnswerPageEvidenceMetricRecordOrFileInAnySpelling(CapturedOutput output) throws IOException {
        String booked = accept(TestOrders.withService("CANARY-OK", "freight"));
        awaitStatus(booked, "COMPLETED");
        sandbox.portal().hazards().busyNextRequests(1);
        String retried = accept(TestOrders.withService("CANARY-BUSY", "freight"));
        awaitStatus(retried, "COMPLETED");
        sandbox.portal().hazards().changeScreen(true);
        String failed = accept(TestOrders.withService("CANARY-CHANGED", "freight"));
        String exceptionId = awaitStatus(failed, "FLAGGED").path("exceptionId").asText();
        String statuses = runBot("shipment-statuses", "{}");

        for (String id : List.of(booked, retried, failed)) {
            JsonNode order = read(get("/api/orders/" + id));
            order.findValuesAsText("botRunId").forEach(run -> get("/api/bots/runs/" + run));
        }
        get("/api/orders?source=webshop");
        JsonNode item = read(get("/api/exceptions/" + exceptionId));
        get("/api/exceptions?category=BOT_FAILED");
        List<String> hrefs = item.path("artifacts").findValuesAsText("href");
        assertThat(hrefs).as("the failure kept a screenshot, the page and a trace").hasSize(3);
        get(runOf(hrefs.get(0)));
        bytes(hrefs.get(0));
        String page = new String(bytes(hrefs.get(1)), StandardCharsets.UTF_8);
        Map<String, String> trace = TraceZip.read(bytes(hrefs.get(2)));
        get("/api/bots/runs/" + statuses);
        get("/api/bots");
        get("/actuator/metrics/ferry.bot.runs");
        get("/actuator/health");
        get("/actuator/prometheus");
        Browserless reviewer = Browserless.signIn(this::uri, "reviewer", "reviewer");
        for (String path : List.of("/inbox", "/inbox?category=BOT_FAILED", "/inbox/" + exceptionId,
                "/orders/" + booked, "/orders/" + retried, "/orders/" + failed)) {
            HttpResponse<String> shown = reviewer.get(this::uri, path);
            assertThat(shown.statusCode()).as(path).isEqualTo(200);
            answers.put("page " + path, shown.body());
        }

        List<String> leaks = new ArrayList<>(Leaks.in("Ferry's log output", output.getAll(), SECRETS));
        answers.forEach((where, text) -> leaks.addAll(Leaks.in(where, text, SECRETS)));
        leaks.addAll(Leaks.in("the whole database (orders, journal, inbox, bot_runs)", databaseScript(), SECRETS));
        leaks.addAll(filesHolding());
        assertThat(leaks).as("where a secret was found").isEmpty();
        assertThat(page).as("the page shows who is logged in, masked").contains("User: ****");
        assertThat(trace.get("trace.trace")).as("the trace logs the fills of user name and password, masked")
                .contains("User name").contains("Password")
                .containsPattern("(?s)\"value\":\"\\*\\*\\*\\*\".*\"value\":\"\\*\\*\\*\\*\"");
    }

    @Test
    @Order(2)
    void dataHoldingThePortalUserNameIsKeptAsItIsWhileWhatThePortalShowsOfItIsMasked() {
        // a customer id and a consignee that hold the user name: data, typed into the portal as it is
        String customerId = "CUST-" + PORTAL_USERNAME + "-7";
        String consignee = PORTAL_USERNAME + " Logistics";
        ObjectNode order = TestOrders.withService("CANARY-DATA", "freight");
        order.withObjectProperty("customer").put("id", customerId);
        order.withObjectProperty("shipTo").put("name", consignee);
        sandbox.portal().hazards().changeScreen(true);
        String failed = accept(order);
        String exceptionId = awaitStatus(failed, "FLAGGED").path("exceptionId").asText();

        List<String> hrefs = read(get("/api/exceptions/" + exceptionId)).path("artifacts").findValuesAsText("href");
        assertThat(hrefs).as("the failure kept a screenshot, the page and a trace").hasSize(3);
        JsonNode run = read(get(runOf(hrefs.get(0))));
        assertThat(run.path("input").path("customer").path("id").asText()).as("the run's input").isEqualTo(customerId);
        assertThat(run.path("input").path("shipTo").path("name").asText()).as("the run's input").isEqualTo(consignee);
        String page = new String(bytes(hrefs.get(1)), StandardCharsets.UTF_8);
        Map<String, String> trace = TraceZip.read(bytes(hrefs.get(2)));
        assertThat(trace.get("trace.trace")).as("the consignee typed into the portal, in the trace's JSON")
                .contains("\"value\":\"" + consignee.replace("\"", "\\\"") + "\"");
        assertThat(page).as("the user name the portal shows is masked all the same").contains("User: ****");

        List<String> data = List.of(customerId, consignee);
        List<String> leaks = new ArrayList<>(Leaks.in("page.html", page, SECRETS, data));
        trace.forEach((entry, text) -> leaks.addAll(Leaks.in("trace.zip " + entry, text, SECRETS, data)));
        leaks.addAll(Leaks.in("the bot run", run.toString(), SECRETS, data));
        assertThat(leaks).as("where a secret was found outside the data").isEmpty();
    }

    private String runBot(String bot, String input) {
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/bots/" + bot + "/runs"))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input)).build());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = read(started.body()).path("runId").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> !read(get("/api/bots/runs/" + runId)).path("status").asText().equals("RUNNING"));
        return runId;
    }

    /** The run an artifact belongs to: /api/bots/runs/{id}/artifacts/{file} to /api/bots/runs/{id}. */
    private static String runOf(String artifact) {
        return artifact.substring(0, artifact.indexOf("/artifacts/"));
    }

    private String get(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** The answer to a GET with the ops key, kept for the search; a zip's entries are kept one by one. */
    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            answers.put(path, new String(response.body(), StandardCharsets.UTF_8));
            unzipped(response.body()).forEach((entry, text) -> answers.put(path + " " + entry, text));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** H2's SCRIPT: every table and row of the database as SQL text. */
    private String databaseScript() {
        return String.join("\n", jdbc.sql("SCRIPT").query((rs, row) -> rs.getString(1)).list());
    }

    private List<String> filesHolding() throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(dataDir))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException e) {
                    continue; // a file the broker or database is rewriting right now
                }
                leaks.addAll(Leaks.in(file.toString(), new String(content, StandardCharsets.UTF_8), SECRETS));
                unzipped(content).forEach((entry, text) -> leaks.addAll(Leaks.in(file + " " + entry, text, SECRETS)));
            }
        }
        return leaks;
    }

    /** The entries of a zip as text; nothing when it is not a zip. */
    private static Map<String, String> unzipped(byte[] content) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return entries;
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
