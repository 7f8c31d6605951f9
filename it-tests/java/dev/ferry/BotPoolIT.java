package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thirty bookings through the browser pool at the portal's concurrency limit: every run succeeds, the
 * portal never sees more sessions at once than the bot file allows, and afterwards no Chromium process
 * or browser context is left behind (counted; memory and speed are the benchmark's, bench/bots.sh). A leak of
 * one process or context per run shows after any number of runs; twenty after the baseline make it twenty.
 */
class BotPoolIT extends FerryIntegrationTest {

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @Test
    void thirtyBookingsAtTheConcurrencyLimitLeaveNoBrowserProcessOrContextBehind() {
        // ten runs bring both workers' browsers up; what is running once they are done is the baseline
        awaitSucceeded(start(10, "POOL-A"));
        Map<String, Long> baseline = awaitSettledChromiumProcesses();
        sandbox.portal().activity().reset();

        List<String> runs = start(20, "POOL-B");
        awaitSucceeded(runs);

        assertThat(sandbox.portal().activity().maxSessionsInFlight()).as("the bot file allows 2 at once")
                .isBetween(1, 2);
        assertThat(sandbox.portal().consignments()).filteredOn(c -> c.reference().startsWith("POOLB")).hasSize(runs.size());
        // a browser per worker at most, and no renderer beyond those a settled pool had after ten runs
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Long> now = chromiumProcesses();
            assertThat(now.getOrDefault("browser", 0L)).as("Chromium browser processes: %s in %s", now, listing())
                    .isBetween(1L, 2L);
            assertThat(now.getOrDefault("renderer", 0L)).as("renderers now %s, after the first ten runs %s", now,
                    baseline).isLessThanOrEqualTo(baseline.getOrDefault("renderer", 0L));
        });
        JsonNode browser = read(ops(HttpRequest.newBuilder(uri("/actuator/health/browser")).GET()).body());
        assertThat(browser.path("details").path("contextsLeftOpen").asInt(-1)).as(browser.toString()).isZero();
        assertThat(browser.path("details").path("busy").asInt(-1)).isZero();
        assertThat(browser.path("details").path("browsersRunning").asInt()).isBetween(1, 2);
    }

    private List<String> start(int count, String prefix) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            ObjectNode input = JSON.createObjectNode().put("orderId", prefix + "-" + i);
            input.putArray("lines").addObject().put("sku", "MUG-BLUE").put("quantity", 1);
            input.putObject("shipTo").put("name", "Pool " + i).put("street", "Rua do Ouro 1").put("postalCode", "1100-060")
                    .put("city", "Lisboa").put("country", "PT");
            HttpResponse<String> started = ops(HttpRequest.newBuilder(uri("/api/bots/book-freight/runs"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(input.toString())));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            return read(started.body()).path("runId").asText();
        }).toList();
    }

    private void awaitSucceeded(List<String> runs) {
        for (String runId : runs) {
            JsonNode run = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> read(ops(HttpRequest.newBuilder(uri("/api/bots/runs/" + runId)).GET()).body()),
                            r -> !r.path("status").asText().equals("RUNNING"));
            assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
        }
    }

    /** Waits until the Chromium processes stop changing (closed pages' renderers exit) and returns them. */
    private static Map<String, Long> awaitSettledChromiumProcesses() {
        List<Map<String, Long>> last = new ArrayList<>(List.of(Map.of()));
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> now = chromiumProcesses();
            boolean settled = now.equals(last.get(0));
            last.set(0, now);
            return settled ? now : null;
        }, Objects::nonNull);
    }

    /**
     * Chromium processes started from this JVM (through the Playwright driver), by their {@code --type}:
     * {@code browser} for a browser's main process, then renderer, gpu-process, utility, zygote. Not those under
     * the Ferry processes that ITs running beside this one start (children of this JVM that are JVMs themselves).
     */
    static Map<String, Long> chromiumProcesses() {
        return ProcessHandle.current().children()
                .filter(child -> !child.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().map(c -> c.contains("chromium")).orElse(false))
                .collect(Collectors.groupingBy(BotPoolIT::type, TreeMap::new, Collectors.counting()));
    }

    private static String listing() {
        StringBuilder out = new StringBuilder();
        ProcessHandle.current().descendants().forEach(p -> {
            String line;
            try {
                line = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException e) {
                line = e.toString();
            }
            out.append('\n').append(p.pid()).append(' ').append(p.info().command().orElse("?")).append(" | ")
                    .append(line, 0, Math.min(100, line.length()));
        });
        return out.toString();
    }

    private static final Pattern TYPE = Pattern.compile("--type=([a-z-]+)");

    // ProcessHandle.Info has no arguments for processes it did not start; Chromium's children also rewrite
    // their command line into one space-separated string, so look for --type= anywhere in it
    private static String type(ProcessHandle process) {
        try {
            String commandLine = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            Matcher type = TYPE.matcher(commandLine);
            return type.find() ? type.group(1) : commandLine.contains("crashpad_handler") ? "crashpad" : "browser";
        } catch (IOException e) {
            return "gone"; // it exited between listing and reading
        }
    }

    private HttpResponse<String> ops(HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).build());
    }
}
