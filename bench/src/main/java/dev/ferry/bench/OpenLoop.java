package dev.ferry.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Posts orders at a constant rate whatever the answers do (open loop): order i is due at start + i / rate and
 * its latency counts from when it was due, not from when it was sent, so a stalled server shows as the wait of
 * every order that piled up behind it (no coordinated omission). One thread puts each order on a queue when it
 * is due; {@link #CONNECTIONS} threads, each on its own kept-alive connection, send them.
 */
final class OpenLoop implements AutoCloseable {

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

    static final int CONNECTIONS = 64;
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ORDER = """
            {"externalId":"%s","source":"bench","customer":{"id":"%s","email":"ana@example.com","name":"Ana Lima"},\
            "currency":"EUR","lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}],\
            "shipTo":{"name":"Ana Lima","street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100-048","country":"PT"},\
            "shipping":{"service":"standard"}}""";

    private record Due(String externalId, String body, long dueNanos) {
    }

    private final LoadClient client = new LoadClient(CONNECTIONS);

    static String order(String externalId, String customerId) {
        return ORDER.formatted(externalId, customerId);
    }

    /** Posts {@code count} orders named {@code prefix-0 …} at {@code rate} per second and waits for every answer. */
    Result post(URI intake, String prefix, int count, double rate) {
        return post(intake, prefix, count, rate, 0);
    }

    /** As above; every {@code flagEvery}-th order names a customer the CRM does not know, so it lands in the inbox. */
    Result post(URI intake, String prefix, int count, double rate, int flagEvery) {
        Histogram latency = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < Math.min(CONNECTIONS, count); t++) {
            Thread sender = new Thread(() -> send(intake, queue, latency, outcomes, accepted), "bench-sender-" + t);
            sender.start();
            senders.add(sender);
        }
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
            boolean unknownCustomer = flagEvery > 0 && i % flagEvery == flagEvery - 1;
            queue.add(new Due(externalId, order(externalId, unknownCustomer ? "C-404" : "C-1001"), due));
        }
        senders.forEach(sender -> queue.add(new Due(null, null, 0)));
        for (Thread sender : senders) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(count, rate, seconds, latency, new TreeMap<>(outcomes), List.copyOf(accepted),
                maxLag / 1e6);
    }

    private void send(URI intake, BlockingQueue<Due> queue, Histogram latency, Map<String, Integer> outcomes,
            Queue<Accepted> accepted) {
        while (true) {
            Due due;
            try {
                due = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (due.externalId() == null) {
                return;
            }
            String outcome;
            try {
                LoadClient.Answer answer = client.post(intake, Map.of("Authorization", "Bearer " + Ferry.INTAKE_KEY,
                        "Idempotency-Key", due.externalId()), due.body());
                outcome = Integer.toString(answer.status());
                if (answer.status() == 202) {
                    Matcher id = ORDER_ID.matcher(answer.body());
                    if (id.find()) {
                        accepted.add(new Accepted(id.group(1), System.currentTimeMillis()));
                    }
                }
            } catch (RuntimeException failed) {
                outcome = failed.getCause() != null ? failed.getCause().getClass().getSimpleName()
                        : failed.getClass().getSimpleName();
            }
            latency.recordValue(Math.max(0, (System.nanoTime() - due.dueNanos()) / 1000));
            outcomes.merge(outcome, 1, Integer::sum);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
