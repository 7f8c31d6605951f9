package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A stop (SIGTERM, as a supervisor or Kubernetes stops Ferry) in the middle of a bot run is quiet: intake,
 * schedules and bots stop before the database closes, so the log holds no ERROR, and the run is recorded as
 * INTERRUPTED, not FAILED. The order goes back to the broker and completes after the next start.
 */
class ShutdownIT {

    private static final SandboxSettings SANDBOX = SandboxSettings.defaults();
    // Spring Boot's console pattern: "<timestamp> ERROR <pid> --- ..."
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<FerryProcess> launched = new ArrayList<>();
    private Path dataDir;
    private SandboxSystems sandbox;

    @BeforeEach
    void start() throws IOException {
        dataDir = Files.createDirectories(work.resolve("data"));
        sandbox = SandboxSystems.start(SANDBOX);
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void stop() {
        launched.forEach(FerryProcess::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aStopDuringABotRunIsQuietAndTheRunIsRecordedAsInterrupted() throws IOException {
        FerryProcess first = launch("shutdown-first");
        // every portal page takes 1 to 3 s: the run is still going when the stop comes
        sandbox.portal().hazards().slowPages(true);
        String id = first.accept(TestOrders.withService("FRT-STOP", "freight"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .failFast("Ferry exited", () -> !first.isAlive())
                .until(() -> sandbox.portal().activity().loggedInSessions() > 0);

        first.terminate();

        List<String> errors = Files.readAllLines(first.log()).stream()
                .filter(line -> ERROR_LINE.matcher(line).find()).toList();
        assertThat(errors).as("ERROR lines in " + first.log()).isEmpty();
        assertThat(Files.readString(first.log())).as(first.log().toString())
                .doesNotContain("already closed", "has been closed", "Runtime error occurred in main trigger firing loop");
        List<String[]> runs = botRunsOnDisk(id);
        assertThat(runs).as("the order's bot runs after the stop").hasSize(1);
        assertThat(runs.get(0)[1]).as("status of the run the stop cut short").isEqualTo("INTERRUPTED");

        sandbox.portal().hazards().calm();
        FerryProcess second = launch("shutdown-second");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .failFast("Ferry exited", () -> !second.isAlive())
                .until(() -> second.order(id).path("status").asText(), "COMPLETED"::equals);
        JsonNode interrupted = FerryIntegrationTest.read(
                second.get("/api/bots/runs/" + runs.get(0)[0], FerryProcess.OPS_KEY).body());
        assertThat(interrupted.path("status").asText()).as(interrupted.toPrettyString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.path("finishedAt").isMissingNode()).as(interrupted.toPrettyString()).isFalse();
        // the stop was not the order's failure: one book-freight entry, the run after the restart
        List<String> bookings = new ArrayList<>();
        second.order(id).path("journal").forEach(entry -> {
            if ("book-freight".equals(entry.path("step").asText())) {
                bookings.add(entry.path("outcome").asText());
            }
        });
        assertThat(bookings).as("book-freight in the journal").containsExactly("OK");
        Downstream.assertFreightFulfilledOnce(sandbox, id);
    }

    private FerryProcess launch(String name) {
        FerryProcess ferry = FerryProcess.options()
                .dataDir(dataDir)
                .systemsOf(sandbox)
                .arg("ferry.retry.initial-delay", "50ms")
                .arg("ferry.rpa.run-timeout", "120s")
                .arg("ferry.rpa.step-timeout", "30s")
                .arg("ferry.rpa.chromium", Chromium.executable())
                .arg("ferry.rpa.secrets.portal-username", SANDBOX.portal().username())
                .arg("ferry.rpa.secrets.portal-password", SANDBOX.portal().password())
                // the schedules run too, so a stop meets Quartz at work
                .arg("ferry.schedules.crm-order-pull.cron", "* * * * * ?")
                .start(name);
        launched.add(ferry);
        return ferry;
    }

    /** [id, status] of the order's bot runs, read from the database files while no Ferry runs. */
    private List<String[]> botRunsOnDisk(String orderId) {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/ferry") + ";ACCESS_MODE_DATA=r";
        return JdbcClient.create(new DriverManagerDataSource(url, "ferry", ""))
                .sql("SELECT id, status FROM bot_runs WHERE order_id = :id ORDER BY started_at")
                .param("id", orderId)
                .query((row, n) -> new String[] {row.getString("id"), row.getString("status")})
                .list();
    }
}
