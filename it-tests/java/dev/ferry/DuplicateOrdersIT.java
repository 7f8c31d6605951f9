package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DuplicateOrdersIT extends FerryIntegrationTest {

    @Test
    void tenConcurrentCopiesWithOneIdempotencyKeyMakeOneOrder() throws Exception {
        ObjectNode order = TestOrders.ordinary("DUP-KEY-1");

        List<HttpResponse<String>> responses = concurrently(10, () -> post(order.toString(), "application/json",
                INTAKE_KEY, "dup-key-1"));

        assertOneOrderFor(responses);
    }

    @Test
    void tenConcurrentCopiesWithOneSourceAndExternalIdMakeOneOrder() throws Exception {
        ObjectNode order = TestOrders.ordinary("DUP-EXT-1");

        List<HttpResponse<String>> responses = concurrently(10, () -> post(order));

        assertOneOrderFor(responses);
    }

    @Test
    void aKeyReusedForADifferentOrderIsRefused() {
        post(TestOrders.ordinary("DUP-REUSE-1").toString(), "application/json", INTAKE_KEY, "dup-reuse");

        HttpResponse<String> second = post(TestOrders.ordinary("DUP-REUSE-2").toString(), "application/json",
                INTAKE_KEY, "dup-reuse");

        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(read(second.body()).path("type").asText()).endsWith("/idempotency-key-reused");
    }

    private void assertOneOrderFor(List<HttpResponse<String>> responses) {
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202);
        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(1);
        List<String> ids = responses.stream().map(r -> read(r.body()).path("orderId").asText()).distinct().toList();
        assertThat(ids).hasSize(1);
        String id = ids.get(0);

        awaitStatus(id, "COMPLETED");

        Downstream.assertFulfilledOnce(sandbox, id);
    }

    private static <T> List<T> concurrently(int copies, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, copies).mapToObj(i -> pool.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
