package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise under load (issue 16): Ferry is killed with SIGKILL while clients post as fast as they
 * can, some orders are done, many wait on the queue or are half way through their steps, and posts are in flight.
 * After a restart over the same data directory every order that got 202 completes, the posts that got no answer
 * are sent again with their Idempotency-Key, as a client would, and complete too, and each order exists once
 * in every downstream system. As in DurabilityIT, Ferry runs as its own JVM (target/ferry.jar) against sandbox
 * systems in this JVM, here with fulfilment on and its default consumers.
 *
 * <p>The test knows only what Ferry promises through its API and what the simulated systems hold, nothing of
 * how Ferry stores an order or its journal, so it holds whatever the hot path commits when.
 */
class SaturatedKillIT {

    private static final int CLIENTS = 16;
    /** More than a run gets to post before the kill; the kill comes when the figures below are reached. */
    private static final int MAX_ORDERS = 3000;
    /** Orders COMPLETED before the kill: fulfilment was running. */
    private static final int COMPLETED_BEFORE_KILL = 25;
    /** Orders accepted and not yet COMPLETED before the kill: a backlog on the queue. */
    private static final int PENDING_BEFORE_KILL = 150;
    /** ferry.fulfilment.consumers by default: more unfinished orders than this were waiting on the queue. */
    private static final int ORDER_CONSUMERS = 4;

    // every order's post and query from the client threads; HTTP/1.1, as shops post, one connection per thread
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // no answer within this is a post without an answer, like a reset; it is never reached unless Ferry hangs
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    // kept when the test fails, for a look at the database, the broker journal and the logs
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<FerryProcess> launched = new ArrayList<>();
    private SandboxSystems sandbox;
    private FerryProcess.Options options;
    private ExecutorService clients;

    @BeforeEach
    void start() throws IOException {
        // no CRM trickle: the CRM holds only what Ferry wrote there
        SandboxSettings settings = SandboxSettings.defaults();
        sandbox = SandboxSystems.start(settings.withCrm(settings.crm().withTrickle(Duration.ofHours(1), 0, 0)));
        Path tmpDir = Files.createDirectories(work.resolve("tmp"));
        options = FerryProcess.options()
                .dataDir(Files.createDirectories(work.resolve("data")))
                .systemsOf(sandbox)
                // a killed JVM cannot clean up after itself: its Playwright driver copy and Tomcat folders land here
                .jvm("-Djava.io.tmpdir=" + tmpDir)
                .arg("ferry.retry.initial-delay", "50ms")
                // nothing but the posted orders writes to the systems the test counts
                .arg("ferry.schedules.tracking-sync.cron", "0 0 0 1 1 ? 2099")
                .arg("ferry.schedules.nightly-reconciliation.cron", "0 0 0 1 1 ? 2099");
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        // every JVM this test started, also one that never became healthy: none may outlive the test
        launched.forEach(FerryProcess::close);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aKillInTheMiddleOfASaturatedRunLosesNoAcceptedOrderAndDuplicatesNone() throws Exception {
        FerryProcess first = launch("saturated-kill-first");
        Posting posting = new Posting(first);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(posting::postUntilStopped);
        }

        // intake and fulfilment both busy: orders done, a backlog behind them, an order part way through its
        // downstream calls, and the clients still posting
        AtomicLong completedBeforeKill = new AtomicLong();
        await("orders completed, one part way and a backlog on the queue").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250))
                // one fail-fast check: Awaitility keeps only the last one given
                .failFast("the run cannot reach the kill", () -> {
                    assertThat(first.isAlive()).as("Ferry alive before the kill; see " + first.log()).isTrue();
                    assertThat(posting.refused).as("posts answered other than 202").isEmpty();
                    assertThat(posting.ranOut()).as("the clients posted every order before the kill was due").isFalse();
                })
                .ignoreExceptions()
                .until(() -> {
                    long completed = completedCount(first);
                    completedBeforeKill.set(completed);
                    return completed >= COMPLETED_BEFORE_KILL
                            && posting.accepted.size() - completed >= PENDING_BEFORE_KILL
                            && !partlyFulfilled().isEmpty();
                });

        posting.stop();
        int inFlightAtKill = posting.inFlight.get();
        first.kill();
        assertThat(first.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("the clients saw the kill").isTrue();

        // what the kill cut short, as the CRM tells it: its write-back is an order's last step, so an order the CRM
        // has not heard of was not COMPLETED when Ferry died
        Map<String, String> accepted = Map.copyOf(posting.accepted);
        Set<String> unfinished = new HashSet<>(accepted.values());
        unfinished.removeAll(ids(sandbox.crm().orderUpdates(), "ferryOrderId"));
        int midRoute = partlyFulfilled().size();
        List<Post> unanswered = List.copyOf(posting.unanswered);
        System.out.printf("SaturatedKillIT at the kill: %d posts sent, %d accepted (202), %d COMPLETED as last read,"
                        + " %d accepted and not completed (%d of them part way through their downstream calls),"
                        + " %d posts in flight as counted, %d posts without an answer%n", posting.sent.get(),
                accepted.size(), completedBeforeKill.get(), unfinished.size(), midRoute, inFlightAtKill,
                unanswered.size());
        assertThat(posting.refused).as("posts answered other than 202").isEmpty();
        assertThat(completedBeforeKill.get()).as("orders COMPLETED before the kill")
                .isGreaterThanOrEqualTo(COMPLETED_BEFORE_KILL);
        assertThat(unfinished).as("accepted orders not COMPLETED at the kill, more than the consumers hold")
                .hasSizeGreaterThan(ORDER_CONSUMERS);
        assertThat(unanswered).as("posts in flight at the kill").isNotEmpty();

        FerryProcess second = launch("saturated-kill-second");

        // a client whose post got no answer sends it again with the same Idempotency-Key: 202 if the kill came
        // before Ferry stored it, 200 with the order it stored if the kill took only the answer
        Map<String, Integer> reposts = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(accepted.values());
        for (Post post : unanswered) {
            HttpResponse<String> response = await("the repost of " + post.externalId()).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> post.send(second), r -> r.statusCode() < 500);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
            reposts.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
            String id = FerryIntegrationTest.read(response.body()).path("orderId").asText();
            assertThat(id).as("order id of " + post.externalId()).isNotBlank();
            ids.add(id);
        }
        System.out.println("SaturatedKillIT reposts of the unanswered posts, by status: " + reposts);
        assertThat(ids).as("one order per externalId").hasSize(accepted.size() + unanswered.size());

        Set<String> remaining = ConcurrentHashMap.newKeySet();
        remaining.addAll(ids);
        Set<String> stuck = ConcurrentHashMap.newKeySet();
        try {
            // generous: at a load average of 20 on two cores some 600 orders took 75 s
            await("every order COMPLETED after the restart").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("an order cannot complete", () -> {
                        assertThat(second.isAlive()).as("Ferry alive after the restart; see " + second.log()).isTrue();
                        assertThat(stuck).as("orders lost, flagged or discarded").isEmpty();
                    })
                    .ignoreExceptions()
                    .until(() -> {
                        for (String id : List.copyOf(remaining)) {
                            HttpResponse<String> response = second.get("/api/orders/" + id, FerryProcess.INTAKE_KEY);
                            if (response.statusCode() == 404) {
                                stuck.add(id + " is unknown: accepted with 202, lost in the kill");
                                continue;
                            }
                            JsonNode order = FerryIntegrationTest.read(response.body());
                            switch (order.path("status").asText()) {
                                case "COMPLETED" -> remaining.remove(id);
                                case "FLAGGED", "DISCARDED" -> stuck.add(order.toPrettyString());
                                default -> { }
                            }
                        }
                        return remaining.isEmpty();
                    });
        } catch (ConditionTimeoutException notAll) {
            throw new AssertionError(remaining.size() + " of " + ids.size() + " orders not COMPLETED, among them "
                    + remaining.stream().limit(3).map(id -> second.order(id).toPrettyString()).toList(), notAll);
        }
        System.out.printf("SaturatedKillIT: all %d orders COMPLETED after the restart%n", ids.size());

        assertFulfilledOnce(ids);
    }

    /** One sales order, invoice, shipment and CRM write-back per order, and nothing in the systems besides. */
    private void assertFulfilledOnce(Set<String> ids) {
        Map<String, Map<String, Long>> systems = new LinkedHashMap<>();
        systems.put("ERP sales orders", perOrder(sandbox.erp().salesOrderRecords(), "reference"));
        systems.put("invoices", perOrder(sandbox.accounting().invoiceRecords(), "reference"));
        systems.put("shipments", perOrder(sandbox.shipping().shipmentRecords(), "reference"));
        systems.put("CRM write-backs", perOrder(sandbox.crm().orderUpdates(), "ferryOrderId"));
        Map<String, Long> once = ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
        systems.forEach((system, perOrder) -> assertThat(perOrder).as(system + " per order").isEqualTo(once));
        assertThat(sandbox.erp().salesOrders()).as("ERP sales orders").isEqualTo(ids.size());
        assertThat(sandbox.accounting().invoices()).as("invoices").isEqualTo(ids.size());
        assertThat(sandbox.shipping().shipments()).as("shipments").isEqualTo(ids.size());
    }

    /** Orders with a sales order in the ERP the CRM has not heard of yet: part way through their downstream calls. */
    private Set<String> partlyFulfilled() {
        Set<String> partly = ids(sandbox.erp().salesOrderRecords(), "reference");
        partly.removeAll(ids(sandbox.crm().orderUpdates(), "ferryOrderId"));
        return partly;
    }

    private static Map<String, Long> perOrder(List<JsonNode> records, String field) {
        return records.stream().collect(Collectors.groupingBy(r -> r.path(field).asText(), Collectors.counting()));
    }

    private static Set<String> ids(List<JsonNode> records, String field) {
        return records.stream().map(r -> r.path(field).asText()).collect(Collectors.toCollection(HashSet::new));
    }

    /** How many orders are COMPLETED, as the order list tells (counted up to a thousand, plenty here). */
    private static long completedCount(FerryProcess ferry) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ferry.uri("/api/orders?status=COMPLETED&size=1"))
                .header("Authorization", "Bearer " + FerryProcess.OPS_KEY).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FerryIntegrationTest.read(response.body()).path("totalItems").asLong();
    }

    private FerryProcess launch(String name) {
        FerryProcess ferry = options.start(name);
        launched.add(ferry);
        return ferry;
    }

    /** One order as a shop posts it: its own externalId and Idempotency-Key, sent again unchanged after no answer. */
    private record Post(String externalId, String idempotencyKey, String body) {

        static Post number(int n) {
            String externalId = "SAT-" + n;
            return new Post(externalId, "saturated-" + n, TestOrders.ordinary(externalId).toString());
        }

        HttpResponse<String> send(FerryProcess ferry) throws IOException, InterruptedException {
            return CLIENT.send(HttpRequest.newBuilder(ferry.uri("/api/orders"))
                    .header("Authorization", "Bearer " + FerryProcess.INTAKE_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The clients: each posts the next order as soon as its last one was answered, until told to stop. */
    private static final class Posting {

        private final FerryProcess ferry;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        /** externalId to orderId of every post answered 202. */
        final Map<String, String> accepted = new ConcurrentHashMap<>();
        /** Posts that got no answer: the connection was reset or refused. */
        final Set<Post> unanswered = ConcurrentHashMap.newKeySet();
        /** Posts answered, but with neither 202 nor an order id: none are expected. */
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        Posting(FerryProcess ferry) {
            this.ferry = ferry;
        }

        void postUntilStopped() {
            while (!stopped.get()) {
                int n = next.getAndIncrement();
                if (n >= MAX_ORDERS) {
                    return;
                }
                post(Post.number(n));
            }
        }

        private void post(Post post) {
            sent.incrementAndGet();
            inFlight.incrementAndGet();
            try {
                HttpResponse<String> response = post.send(ferry);
                String id = response.statusCode() == 202
                        ? FerryIntegrationTest.read(response.body()).path("orderId").asText() : "";
                if (id.isBlank()) {
                    refused.add(post.externalId() + ": " + response.statusCode() + " " + response.body());
                } else {
                    accepted.put(post.externalId(), id);
                }
            } catch (IOException noAnswer) {
                unanswered.add(post);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        void stop() {
            stopped.set(true);
        }

        boolean ranOut() {
            return next.get() >= MAX_ORDERS && inFlight.get() == 0;
        }
    }
}
