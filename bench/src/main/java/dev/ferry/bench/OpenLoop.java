package dev.ferry.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Posts orders at a constant rate whatever the answers do (open loop): order i is due at start + i / rate and
 * its latency counts from when it was due, not from when it was sent, so a stalled server shows as the wait of
 * every order that piled up behind it (no coordinated omission).
 */
final class OpenLoop {

    /** An accepted order: Ferry's id and when the 202 arrived (epoch ms, to compare with Ferry's timestamps). */
    record Accepted(String orderId, long acceptedAtMillis) {
    }

    record Result(int offered, double rate, double seconds, Histogram latencyMicros, Map<String, Integer> outcomes,
            List<Accepted> accepted, double sendLagMaxMillis) {

        int accepted202() {
            return outcomes.getOrDefault("202", 0);
        }

        double p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }

    private static final String ORDER = """
            {"externalId":"%s","source":"bench","customer":{"id":"C-1001","email":"ana@example.com","name":"Ana Lima"},\
            "currency":"EUR","lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}],\
            "shipTo":{"name":"Ana Lima","street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100-048","country":"PT"},\
            "shipping":{"service":"standard"}}""";

    private final HttpClient client;
    private final ExecutorService executor;

    OpenLoop() {
        // the client's own threads read the answers; a handful keeps up with thousands per second
        this.executor = Executors.newFixedThreadPool(4);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String order(String externalId) {
        return ORDER.formatted(externalId);
    }

    /** Posts {@code count} orders named {@code prefix-0 …} at {@code rate} per second and waits for every answer. */
    Result post(URI intake, String prefix, int count, double rate) {
        return post(intake, prefix, count, rate, 0);
    }

    /** As above; every {@code flagEvery}-th order names a customer the CRM does not know, so it lands in the inbox. */
    Result post(URI intake, String prefix, int count, double rate, int flagEvery) {
        Histogram latency = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger pending = new AtomicInteger(count);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long maxLag = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            maxLag = Math.max(maxLag, now - due);
            String externalId = prefix + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + Ferry.INTAKE_KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", externalId)
                    .POST(HttpRequest.BodyPublishers.ofString(flagEvery > 0 && i % flagEvery == flagEvery - 1
                            ? order(externalId).replace("C-1001", "C-404") : order(externalId))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long done = System.nanoTime();
                latency.recordValue(Math.max(0, (done - due) / 1000));
                String outcome = error != null ? error.getClass().getSimpleName()
                        : Integer.toString(response.statusCode());
                outcomes.merge(outcome, 1, Integer::sum);
                if (response != null && response.statusCode() == 202) {
                    accepted.add(new Accepted(Http.read(response.body()).path("orderId").asText(),
                            System.currentTimeMillis()));
                }
                pending.decrementAndGet();
            });
        }
        while (pending.get() > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(count, rate, seconds, latency, new TreeMap<>(outcomes), List.copyOf(accepted),
                maxLag / 1e6);
    }

    void close() {
        executor.shutdownNow();
    }
}
