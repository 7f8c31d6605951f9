package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal password is a canary ({@link FerryIntegrationTest#PORTAL_PASSWORD}). After bookings that
 * succeed, are retried and fail with evidence, it is searched for — as typed, and as JSON, URL and HTML
 * would write it — in the logs, the whole database, every file under the data directory (trace zips
 * unpacked) and every API response: zero hits.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretCanaryIT extends FerryIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Value("${ferry.data-dir}")
    String dataDir;

    private final List<String> responses = new ArrayList<>();

    @AfterEach
    void restoreScreen() {
        sandbox.portal().hazards().changeScreen(false);
    }

    @Test
    void thePortalPasswordIsInNoLogRecordFileTraceOrResponse(CapturedOutput output) throws IOException {
        Chromium.executable();
        sandbox.portal().hazards().calm();
        String booked = accept(TestOrders.withService("CANARY-OK", "freight"));
        awaitStatus(booked, "COMPLETED");
        sandbox.portal().hazards().busyNextRequests(1);
        String retried = accept(TestOrders.withService("CANARY-BUSY", "freight"));
        awaitStatus(retried, "COMPLETED");
        sandbox.portal().hazards().changeScreen(true);
        String failed = accept(TestOrders.withService("CANARY-CHANGED", "freight"));
        JsonNode flagged = awaitStatus(failed, "FLAGGED");
        String statuses = runBot("shipment-statuses", "{}");

        for (String id : List.of(booked, retried, failed)) {
            JsonNode order = read(get("/api/orders/" + id));
            order.findValuesAsText("botRunId").forEach(run -> get("/api/bots/runs/" + run));
        }
        JsonNode item = read(get("/api/exceptions/" + flagged.path("exceptionId").asText()));
        List<String> hrefs = item.path("artifacts").findValuesAsText("href");
        assertThat(hrefs).as("the failure kept a screenshot, the page and a trace").hasSize(3);
        Map<String, String> trace = TraceZip.read(bytes(hrefs.get(2)));
        assertThat(trace.get("trace.trace")).as("the trace logs the password fill, masked")
                .contains("\"value\":\"****\"").contains("Password");
        hrefs.forEach(this::get);
        get("/api/bots/runs/" + statuses);
        get("/api/bots");
        get("/actuator/metrics/ferry.bot.runs");
        get("/actuator/health");

        List<String> spellings = spellings(PORTAL_PASSWORD);
        assertThat(output.getAll()).as("logs").doesNotContain(spellings);
        assertThat(String.join("\n", responses)).as("API responses").doesNotContain(spellings);
        assertThat(databaseScript()).as("the whole database (bot_runs, journal, inbox)").doesNotContain(spellings);
        assertThat(filesHolding(spellings)).as("files under " + dataDir + " (zips unpacked)").isEmpty();
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

    private String get(String path) {
        String body = new String(bytes(path), StandardCharsets.UTF_8);
        responses.add(body);
        return body;
    }

    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            responses.addAll(unzipped(response.body()));
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

    private List<Path> filesHolding(List<String> spellings) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(dataDir))) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    byte[] content = Files.readAllBytes(file);
                    List<String> texts = new ArrayList<>(unzipped(content));
                    texts.add(new String(content, StandardCharsets.UTF_8));
                    return texts.stream().anyMatch(text -> spellings.stream().anyMatch(text::contains));
                } catch (IOException e) {
                    return false; // a file the broker or database is rewriting right now; the next run sees it
                }
            }).toList();
        }
    }

    /** The entries of a zip as text; nothing when it is not a zip. */
    private static List<String> unzipped(byte[] content) {
        List<String> entries = new ArrayList<>();
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return entries;
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static List<String> spellings(String secret) {
        return List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                secret.replace("<", "\\u003c").replace(">", "\\u003e"));
    }
}
