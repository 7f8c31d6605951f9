package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.HdrHistogram.Histogram;

/** Waiting for a batch of orders to be worked off, and reading how long each took. */
final class Settle {

    private static final Duration POLL = Duration.ofMillis(250);

    private Settle() {
    }

    /**
     * Waits until no order is ACCEPTED or IN_PROGRESS; returns the System.nanoTime() when that was first seen.
     * {@code whilePolling} gets Ferry's RSS in MiB at each poll.
     */
    static long awaitSettled(Ferry ferry, Duration timeout, DoubleConsumer whilePolling) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ferry.process().requireAlive();
            whilePolling.accept(ferry.process().rssMiB());
            if (ferry.unsettled() == 0) {
                return System.nanoTime();
            }
            Http.pause(POLL);
        }
        throw new IllegalStateException("orders still unsettled after " + timeout + ": " + ferry.unsettled());
    }

    /** 202 → COMPLETED in ms of up to {@code sample} of the accepted orders (Ferry's updatedAt), and how many were not. */
    record Latencies(Histogram millis, int sampled, int notCompleted) {
        double p(double percentile) {
            return millis.getValueAtPercentile(percentile);
        }
    }

    static Latencies completionLatencies(Ferry ferry, List<OpenLoop.Accepted> accepted, int sample) {
        List<OpenLoop.Accepted> chosen = new ArrayList<>(accepted);
        Collections.shuffle(chosen, new Random(7));
        chosen = chosen.subList(0, Math.min(sample, chosen.size()));
        Histogram histogram = new Histogram(TimeUnit.HOURS.toMillis(4), 3);
        int notCompleted = 0;
        for (OpenLoop.Accepted order : chosen) {
            JsonNode view = ferry.order(order.orderId());
            if (!"COMPLETED".equals(view.path("status").asText())) {
                notCompleted++;
                continue;
            }
            long completed = Instant.parse(view.path("updatedAt").asText()).toEpochMilli();
            histogram.recordValue(Math.max(0, completed - order.acceptedAtMillis()));
        }
        return new Latencies(histogram, chosen.size(), notCompleted);
    }
}
