package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test of behaviour (its name keeps it out of the suite): orders/s of a cluster of
 * {@code -Dferry.cluster.nodes} nodes on this machine, from the first post to the last order COMPLETED.
 * bench/cluster.sh runs it with one node and with two.
 */
class ClusterThroughput {

    @TempDir
    static Path work;

    @Test
    void ordersPerSecond() throws Exception {
        int nodes = Integer.getInteger("ferry.cluster.nodes", 2);
        int orders = Integer.getInteger("ferry.cluster.orders", 2000);
        int consumers = Integer.getInteger("ferry.cluster.consumers", 4);
        try (Cluster cluster = Cluster.start(work)) {
            List<FerryProcess> running = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String name = "node-" + (char) ('a' + i);
                cluster.options(name).arg("ferry.fulfilment.consumers", consumers);
                running.add(cluster.startNode(name, "throughput-" + name));
            }
            // warm-up: the JIT, the connection pools and the broker's queue
            run(cluster, running, "WARM-", 100);
            Instant start = Instant.now();
            Duration posting = run(cluster, running, "BENCH-", orders);
            Duration total = Duration.between(start, Instant.now());
            double perSecond = orders * 1000.0 / total.toMillis();
            String line = String.format("| %d | %d | %d | %.1f s | %.1f s | %.1f |%n", nodes, consumers, orders,
                    posting.toMillis() / 1000.0, total.toMillis() / 1000.0, perSecond);
            System.out.print("ClusterThroughput: " + line);
            Files.writeString(Path.of("target", "cluster-throughput.md"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Posts the orders round-robin from 16 threads and waits for all to complete; how long posting took. */
    private static Duration run(Cluster cluster, List<FerryProcess> nodes, String prefix, int orders) throws Exception {
        Instant start = Instant.now();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        List<Future<?>> posted = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            FerryProcess node = nodes.get(i % nodes.size());
            String externalId = prefix + i;
            posted.add(posters.submit(() -> post(node, externalId)));
        }
        for (Future<?> done : posted) {
            done.get();
        }
        posters.shutdown();
        Duration posting = Duration.between(start, Instant.now());
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.statuses(prefix).getOrDefault("COMPLETED", 0L) == orders);
        return posting;
    }

    private static void post(FerryProcess node, String externalId) {
        HttpResponse<String> response = FerryIntegrationTest.send(HttpRequest.newBuilder(node.uri("/api/orders"))
                .header("Authorization", "Bearer " + FerryProcess.INTAKE_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestOrders.ordinary(externalId).toString())).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
