package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import dev.ferry.sandbox.portal.Consignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A booking survives Ferry dying at the worst moment: the Nordic Freight portal has stored the consignment,
 * but Ferry is killed (SIGKILL) before its bot reads the confirmation, so the journal never recorded
 * book-freight. As in DurabilityIT, Ferry runs as its own JVM (target/ferry.jar) against sandbox systems in
 * this JVM. After a restart over the same data directory the broker delivers the order again, the bot finds
 * the booking by the order's reference, and the order completes with still one consignment.
 */
class BotCrashIT {

    private static final SandboxSettings SANDBOX = SandboxSettings.defaults();

    // kept when the test fails, for a look at the database and the broker journal
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<FerryProcess> launched = new ArrayList<>();
    private Path dataDir;
    private Path tmpDir;
    private Path chromium;
    private SandboxSystems sandbox;
    private FerryProcess ferry;

    @BeforeEach
    void start() throws IOException {
        chromium = Chromium.executable();
        dataDir = Files.createDirectories(work.resolve("data"));
        // a killed JVM cannot clean up after itself: its Playwright driver copy (14 MB) and Tomcat folders land here
        tmpDir = Files.createDirectories(work.resolve("tmp"));
        sandbox = SandboxSystems.start(SANDBOX);
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void stop() {
        // every JVM this test started, also one that never became healthy: none may outlive the test
        launched.forEach(FerryProcess::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aBookingMadeJustBeforeTheKillIsFoundAfterTheRestartNotMadeAgain() {
        FerryProcess first = launch("bot-crash-first");
        AtomicReference<Consignment> booked = new AtomicReference<>();
        sandbox.portal().onBooked(consignment -> {
            booked.set(consignment);
            first.kill();
        });

        String id = first.accept(TestOrders.withService("FRT-CRASH", "freight"));

        // the portal holds the booking; Ferry died before it saw the confirmation or journalled book-freight
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> booked.get() != null && !first.isAlive());
        assertThat(first.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);
        Consignment consignment = booked.get();
        assertThat(consignments(id)).containsExactly(consignment);
        assertThat(journalOnDisk(id)).as("the journal the killed process left")
                .contains("create-invoice OK").noneMatch(entry -> entry.startsWith("book-freight"));
        List<String> killedRuns = runningBotRunsOnDisk(id);
        assertThat(killedRuns).as("the bot run the kill interrupted, still RUNNING on disk").hasSize(1);

        sandbox.portal().onBooked(null);
        FerryProcess second = launch("bot-crash-second");
        JsonNode order = awaitStatus(second, id, "COMPLETED");

        // the steps done before the kill were not repeated, and the bot found the booking instead of making one; the
        // message delivered again is the bot queue's, which resumes at book-freight: the steps before it pass unjournalled
        assertThat(consignments(id)).as("consignments for the order after the restart").containsExactly(consignment);
        assertThat(order.path("refs").path("trackingNumber").asText()).isEqualTo(consignment.number());
        assertThat(steps(order)).as(order.toPrettyString())
                .containsSubsequence("create-invoice OK", "book-freight OK", "update-crm-status OK")
                .containsOnlyOnce("create-sales-order OK", "create-invoice OK", "book-freight OK")
                .filteredOn(step -> step.startsWith("create-")).allMatch(step -> step.endsWith(" OK"));
        JsonNode run = botRun(onlyOk(order, "book-freight").path("refs").path("botRunId").asText());
        assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("output").path("consignmentNumber").asText()).isEqualTo(consignment.number());
        Downstream.assertFreightFulfilledOnce(sandbox, id);

        // the interrupted run's record is closed once no node could still be running it (slot-wait + 2 x run timeout)
        JsonNode interrupted = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> botRun(killedRuns.get(0)), r -> !r.path("status").asText().equals("RUNNING"));
        assertThat(interrupted.path("status").asText()).isEqualTo("FAILED");
        assertThat(interrupted.path("error").asText()).isEqualTo("Ferry stopped during the run; its end was never recorded.");
    }

    private FerryProcess launch(String name) {
        ferry = FerryProcess.options()
                // a killed JVM cannot clean up after itself: its Playwright driver copy and Tomcat folders land in
                // tmpDir
                .jvm("-Djava.io.tmpdir=" + tmpDir)
                .dataDir(dataDir)
                .systemsOf(sandbox)
                .arg("ferry.retry.initial-delay", "50ms")
                // a tracking-sync run (sandbox: every minute at :30) writes the booked consignment's status to the CRM
                // too, and the test counts the order's CRM write-backs
                .arg("ferry.schedules.tracking-sync.cron", "0 0 0 1 1 ? 2099")
                // the stalled-order sweep runs often, so it would show if it took the crashed order for stalled
                .arg("ferry.fulfilment.stall-check-every", "2s")
                // the re-publisher too, from the start on: it must leave the released order to the bot queue's
                // redelivered message, not queue it again before the consumers start (ClaimRelease)
                .arg("ferry.intake.republish-every", "1s")
                .arg("ferry.rpa.run-timeout", "15s")
                // the interrupted run's record is closed after slot-wait + 2 x run timeout
                .arg("ferry.rpa.slot-wait", "15s")
                .arg("ferry.rpa.abandoned-check-every", "2s")
                .arg("ferry.rpa.chromium", chromium)
                .arg("ferry.rpa.secrets.portal-username", SANDBOX.portal().username())
                .arg("ferry.rpa.secrets.portal-password", SANDBOX.portal().password())
                .start(name);
        launched.add(ferry);
        return ferry;
    }

    private JsonNode awaitStatus(FerryProcess ferry, String orderId, String status) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast("Ferry exited", () -> !ferry.isAlive())
                .until(() -> ferry.order(orderId).path("status").asText(), status::equals);
        return ferry.order(orderId);
    }

    private JsonNode botRun(String runId) {
        return FerryIntegrationTest.read(ferry.get("/api/bots/runs/" + runId, FerryProcess.OPS_KEY).body());
    }

    /** The portal's consignments for the order: its reference is the order id without hyphens. */
    private List<Consignment> consignments(String orderId) {
        String reference = orderId.replace("-", "");
        return sandbox.portal().consignments().stream().filter(c -> c.reference().equals(reference)).toList();
    }

    /** The ids of the order's bot runs recorded as RUNNING, read from the database files. */
    private List<String> runningBotRunsOnDisk(String orderId) {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/ferry") + ";ACCESS_MODE_DATA=r";
        return JdbcClient.create(new DriverManagerDataSource(url, "ferry", ""))
                .sql("SELECT id FROM bot_runs WHERE order_id = :id AND status = 'RUNNING'")
                .param("id", orderId)
                .query(String.class)
                .list();
    }

    /** "step OUTCOME" per journal entry, read from the database files; H2 locks them only while Ferry runs. */
    private List<String> journalOnDisk(String orderId) {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/ferry") + ";ACCESS_MODE_DATA=r";
        var database = new DriverManagerDataSource(url, "ferry", "");
        return JdbcClient.create(database)
                .sql("SELECT step, outcome FROM order_journal WHERE order_id = :id ORDER BY id")
                .param("id", orderId)
                .query((row, number) -> row.getString("step") + " " + row.getString("outcome"))
                .list();
    }

    /** "step OUTCOME" per journal entry of the order, in order. */
    private static List<String> steps(JsonNode order) {
        return StreamSupport.stream(order.path("journal").spliterator(), false)
                .map(entry -> entry.path("step").asText() + " " + entry.path("outcome").asText())
                .toList();
    }

    private static JsonNode onlyOk(JsonNode order, String step) {
        List<JsonNode> ok = StreamSupport.stream(order.path("journal").spliterator(), false)
                .filter(entry -> step.equals(entry.path("step").asText()))
                .filter(entry -> "OK".equals(entry.path("outcome").asText()))
                .toList();
        assertThat(ok).as(step + " OK in " + order.toPrettyString()).hasSize(1);
        return ok.get(0);
    }
}
