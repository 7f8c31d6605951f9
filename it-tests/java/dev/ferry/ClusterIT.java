package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Scale-out as an operator runs it, on this machine: PostgreSQL (a fresh database per run), an Artemis
 * broker in its own process, the simulated systems in their own process (the sandbox's standalone jar), and
 * two Ferry nodes (target/ferry.jar, profile cluster) as separate JVMs. Orders are posted round-robin, one
 * node is SIGKILLed mid-way and started again later, and nothing is lost or done twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int ORDERS = Integer.getInteger("ferry.cluster-it.orders", 2000);
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String TICK = "cluster-tick";

    @TempDir
    static Path work;

    private static Cluster cluster;
    private static JdbcClient db;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = Cluster.start(work);
        db = cluster.db();
        Path routes = Files.createDirectories(work.resolve("routes"));
        Files.writeString(routes.resolve("cluster-tick.yaml"), """
                # every 2 s, to show one run per fire time across the cluster
                - route:
                    id: cluster-tick
                    from:
                      uri: "quartz:ferry/cluster-tick"
                      parameters:
                        cron: "{{ferry.schedules.cluster-tick.cron}}"
                      steps:
                        - setProperty:
                            name: ferryScheduleItems
                            constant: "1"
                """);
        // the integration engineer's own copy of Ferry's folders, where the freight portal takes one robot at a time
        Path home = Files.createDirectories(work.resolve("home"));
        for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
            FileSystemUtils.copyRecursively(Path.of(folder), home.resolve(folder));
        }
        Path bookFreight = home.resolve("rpa-bots/nordic-freight/book-freight.yaml");
        String bot = Files.readString(bookFreight);
        assertThat(bot).contains("\nconcurrency: 2\n");
        Files.writeString(bookFreight, bot.replace("\nconcurrency: 2\n", "\nconcurrency: 1\n"));
        for (String node : List.of("node-a", "node-b")) {
            cluster.options(node)
                    .arg("ferry.home", home)
                    .arg("camel.main.routes-include-pattern", "file:${ferry.home}/routes/*.yaml,file:" + routes + "/*.yaml")
                    .arg("ferry.schedules." + TICK + ".cron", "0/2 * * * * ?");
        }
        // the first node migrates the fresh database; the second starts on it
        cluster.startNode("node-a", "cluster-node-a");
        cluster.startNode("node-b", "cluster-node-b");
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void ordersPostedToBothNodesCompleteExactlyOnceThoughANodeIsKilledMidWay() throws Exception {
        Map<String, String> ids = new ConcurrentHashMap<>();
        AtomicInteger toA = new AtomicInteger();
        AtomicInteger toB = new AtomicInteger();
        Instant started = Instant.now();
        ExecutorService posters = Executors.newFixedThreadPool(8);
        List<Future<?>> posted = new ArrayList<>();
        // the node that ran the latest fire of the 2-second schedule is the one killed: it must keep firing
        String victim = lastTickNode();
        FerryProcess nodeA = cluster.node("node-a");
        FerryProcess nodeB = cluster.node("node-b");
        FerryProcess killed = cluster.node(victim);
        FerryProcess survivor = killed == nodeA ? nodeB : nodeA;
        Instant killedAt = null;
        for (int i = 0; i < ORDERS; i++) {
            if (i == ORDERS / 2) {
                for (Future<?> done : posted) {
                    done.get();
                }
                killed.kill();
                killedAt = Instant.now();
                assertThat(killed.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);
            }
            String externalId = "CLUSTER-" + i;
            FerryProcess first = i % 2 == 0 ? nodeA : nodeB;
            posted.add(posters.submit(() -> {
                // round-robin; an order whose node is down (or died under it) goes to the other, with the same key
                FerryProcess target = first.isAlive() ? first : survivor;
                String id = post(target, externalId).orElseGet(() -> post(survivor, externalId).orElseThrow());
                (target == nodeA ? toA : toB).incrementAndGet();
                ids.put(externalId, id);
            }));
        }
        for (Future<?> done : posted) {
            done.get();
        }
        posters.shutdown();
        Instant allPosted = Instant.now();
        assertThat(ids).hasSize(ORDERS);

        // later, the killed node comes back on the same database and broker
        cluster.startNode(victim, "cluster-" + victim + "-restarted");

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> cluster.statuses("CLUSTER-").getOrDefault("COMPLETED", 0L) == ORDERS);
        Instant allDone = Instant.now();

        SandboxProcess sandbox = cluster.sandbox();
        Map<String, Long> salesOrders = perReference(sandbox.records("sales-orders"), "reference");
        Map<String, Long> invoices = perReference(sandbox.records("invoices"), "reference");
        Map<String, Long> shipments = perReference(sandbox.records("shipments"), "reference");
        for (String id : ids.values()) {
            assertThat(salesOrders.get(id)).as("sales orders of %s", id).isEqualTo(1L);
            assertThat(invoices.get(id)).as("invoices of %s", id).isEqualTo(1L);
            assertThat(shipments.get(id)).as("shipments of %s", id).isEqualTo(1L);
        }
        assertThat(sandbox.records("sales-orders")).hasSize(ORDERS);

        // the schedule kept firing on the survivor after its node was killed
        Instant since = killedAt.plusSeconds(10);
        assertThat(db.sql("SELECT COUNT(*) FROM schedule_runs WHERE schedule = :s AND outcome = 'OK' AND node <> :v"
                        + " AND planned_at > :since")
                .param("s", TICK).param("v", victim).param("since", java.sql.Timestamp.from(since))
                .query(Long.class).single()).as("ticks run by the survivor after the kill").isGreaterThan(3);

        System.out.printf("ClusterIT: %d orders, %d posted to node-a and %d to node-b; %s killed after %d;"
                        + " posting took %s, all COMPLETED after %s%n", ORDERS, toA.get(), toB.get(), victim,
                ORDERS / 2, Duration.between(started, allPosted), Duration.between(started, allDone));
    }

    @Test
    @Order(2)
    void aScheduleFiringEveryTwoSecondsRunsOncePerFireTimeAcrossTheCluster() {
        // the schedule has ticked since the cluster started, through the first test's load and kill; these
        // 20 seconds hold ten fire times, and a busy machine may record their runs late but records them
        Instant from = Instant.now();
        Instant to = from.plusSeconds(20);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(to) && okRunsPlannedBetween(from, to) >= 9);
        List<Map<String, Object>> runs = db.sql("SELECT planned_at, node, outcome FROM schedule_runs"
                        + " WHERE schedule = :s ORDER BY planned_at")
                .param("s", TICK).query().listOfRows();
        Map<Object, Long> perFireTime = runs.stream()
                .filter(run -> run.get("outcome").equals("OK"))
                .collect(Collectors.groupingBy(run -> run.get("planned_at"), Collectors.counting()));
        assertThat(perFireTime.values()).as("runs per planned fire time").allMatch(n -> n == 1);
        assertThat(okRunsPlannedBetween(from, to)).as("runs in 20 s, one every 2 s").isBetween(9L, 11L);
        assertThat(runs.stream().map(run -> run.get("node")).distinct()).as("nodes that ran it")
                .contains("node-a", "node-b");
    }

    private long okRunsPlannedBetween(Instant from, Instant to) {
        return db.sql("SELECT COUNT(*) FROM schedule_runs WHERE schedule = :s AND outcome = 'OK'"
                        + " AND planned_at > :from AND planned_at <= :to")
                .param("s", TICK).param("from", from.atOffset(java.time.ZoneOffset.UTC)).param("to", to.atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class).single();
    }

    @Test
    @Order(3)
    void aReviewerSignedInOnOneNodeReplaysAnItemThroughTheOther() {
        // above the review limit: it waits for approval, which is a replay
        var order = TestOrders.ordinary("REVIEW-1");
        order.withArray("lines").removeAll().addObject().put("sku", "SKU-RED-MUG").put("quantity", 1000)
                .put("unitPrice", "12.50");
        FerryProcess nodeA = cluster.node("node-a");
        FerryProcess nodeB = cluster.node("node-b");
        String orderId = post(nodeA, "REVIEW-1", order).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> "FLAGGED".equals(nodeA.order(orderId).path("status").asText()));
        String exceptionId = nodeA.order(orderId).path("exceptionId").asText();

        Browserless reviewer = Browserless.signIn(nodeA, "reviewer", "reviewer");
        HttpResponse<String> page = reviewer.get(nodeB, "/inbox/" + exceptionId);
        assertThat(page.statusCode()).as("the item's page on the other node, with the session of the first").isEqualTo(200);
        HttpResponse<String> replay = reviewer.post(nodeB, "/inbox/" + exceptionId + "/replay", Browserless.csrf(page.body()));
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElse("")).doesNotContain("/login");

        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(nodeB.order(orderId).path("status").asText()));
        JsonNode item = FerryIntegrationTest.read(nodeA.get("/api/exceptions/" + exceptionId, FerryProcess.OPS_KEY).body());
        assertThat(item.path("history")).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("replayed");
            assertThat(entry.path("actor").asText()).isEqualTo("reviewer");
        });
    }

    // --- the pieces of the cluster

    @Test
    @Order(4)
    void withTheLimitSetToOneTwoNodesNeverDriveThePortalAtTheSameTime() {
        FerryProcess nodeA = cluster.node("node-a");
        FerryProcess nodeB = cluster.node("node-b");
        // three runs asked of each node at once: both have a browser free, and the limit lets one go at a time
        List<String> runs = new ArrayList<>();
        List<FerryProcess> ranOn = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            FerryProcess node = i % 2 == 0 ? nodeA : nodeB;
            ObjectNode input = FerryProcess.JSON.createObjectNode().put("orderId", "CLUSTER-BOT-" + i);
            input.putArray("lines").addObject().put("sku", "MUG-BLUE").put("quantity", 1);
            input.putObject("shipTo").put("name", "Cluster " + i).put("street", "Rua do Ouro 1")
                    .put("postalCode", "1100-060").put("city", "Lisboa").put("country", "PT");
            HttpResponse<String> started = node.post("/api/bots/book-freight/runs", FerryProcess.OPS_KEY, input.toString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            runs.add(FerryIntegrationTest.read(started.body()).path("runId").asText());
            ranOn.add(node);
        }
        List<JsonNode> done = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String runId = runs.get(i);
            FerryProcess node = ranOn.get(i);
            JsonNode run = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> FerryIntegrationTest.read(node.get("/api/bots/runs/" + runId, FerryProcess.OPS_KEY).body()),
                            r -> !r.path("status").asText().equals("RUNNING"));
            assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
            done.add(run);
        }

        JsonNode portal = cluster.sandbox().portalActivity();
        assertThat(portal.path("maxSessionsInFlight").asInt()).as("the portal's most sessions at once: " + portal)
                .isEqualTo(1);
        // and the runs themselves followed one another
        List<JsonNode> byStart = done.stream()
                .sorted(java.util.Comparator.comparing(run -> Instant.parse(run.path("startedAt").asText()))).toList();
        System.out.println("ClusterIT bot runs: " + byStart.stream().map(run -> run.path("startedAt").asText() + "–"
                + run.path("finishedAt").asText()).toList() + "; portal " + portal);
        assertThat(cluster.sandbox().records("consignments")).hasSize(6);
    }

    private static java.util.Optional<String> post(FerryProcess node, String externalId) {
        return post(node, externalId, TestOrders.ordinary(externalId));
    }

    /** The order's id once a node took it (202, or 200 for a repeat of the key); empty if the node is gone. */
    private static java.util.Optional<String> post(FerryProcess node, String externalId, JsonNode order) {
        try {
            HttpResponse<String> response = FerryProcess.HTTP.send(HttpRequest.newBuilder(node.uri("/api/orders"))
                    .header("Authorization", "Bearer " + FerryProcess.INTAKE_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", externalId)
                    .POST(HttpRequest.BodyPublishers.ofString(order.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
            return java.util.Optional.of(FerryIntegrationTest.read(response.body()).path("orderId").asText());
        } catch (IOException refused) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastTickNode() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                db.sql("SELECT node FROM schedule_runs WHERE schedule = :s AND outcome = 'OK' ORDER BY id DESC LIMIT 1")
                        .param("s", TICK).query(String.class).optional().orElse(null), node -> node != null);
    }

    private static Map<String, Long> perReference(JsonNode records, String field) {
        Map<String, Long> counts = new HashMap<>();
        records.forEach(record -> counts.merge(record.path(field).asText(), 1L, Long::sum));
        return counts;
    }
}
