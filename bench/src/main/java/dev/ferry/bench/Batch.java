package dev.ferry.bench;

import java.time.Duration;
import java.util.Map;

/** One batch of orders through Ferry: posted open loop, then waited for until every one is settled. */
record Batch(int orders, double offeredRate, OpenLoop.Result intake, double secondsToSettle, double drainSeconds,
        double ferryCpuSeconds, double sandboxCpuSeconds, double maxRssMiB, long databaseBytesAdded,
        Settle.Latencies completion, long completed, long flagged) {

    static Batch run(Ferry ferry, Sandbox sandbox, OpenLoop load, String prefix, int orders, double rate,
            int latencySample) {
        return run(ferry, sandbox, load, prefix, orders, rate, latencySample, 0);
    }

    static Batch run(Ferry ferry, Sandbox sandbox, OpenLoop load, String prefix, int orders, double rate,
            int latencySample, int flagEvery) {
        Map<String, Long> before = ferry.statusCounts();
        long storedBefore = before.values().stream().mapToLong(Long::longValue).sum();
        long bytesBefore = ferry.databaseBytes();
        double ferryCpu = ferry.process().cpuSeconds();
        double sandboxCpu = sandbox.process().cpuSeconds();
        double[] maxRss = {ferry.process().rssMiB()};
        long start = System.nanoTime();
        OpenLoop.Result intake = load.post(ferry.uri("/api/orders"), prefix, orders, rate, flagEvery);
        long posted = System.nanoTime();
        long settled = Settle.awaitSettled(ferry, Duration.ofHours(3), rss -> maxRss[0] = Math.max(maxRss[0], rss));
        double ferryCpuUsed = ferry.process().cpuSeconds() - ferryCpu;
        double sandboxCpuUsed = sandbox.process().cpuSeconds() - sandboxCpu;
        Settle.Latencies completion = Settle.completionLatencies(ferry, intake.accepted(), latencySample);
        Map<String, Long> after = ferry.awaitStatusCounts(storedBefore + intake.accepted202(), Duration.ofMinutes(2));
        long flagged = after.getOrDefault("FLAGGED", 0L) - before.getOrDefault("FLAGGED", 0L);
        long completed = after.getOrDefault("COMPLETED", 0L) - before.getOrDefault("COMPLETED", 0L);
        return new Batch(orders, rate, intake, (settled - start) / 1e9, (settled - posted) / 1e9, ferryCpuUsed,
                sandboxCpuUsed, maxRss[0], ferry.databaseBytes() - bytesBefore, completion,
                completed, flagged);
    }

    /** Settled orders per second, from the first order due to the last one settled. */
    double throughput() {
        return (completed + flagged) / secondsToSettle;
    }

    double ferryCpuMsPerOrder() {
        return ferryCpuSeconds * 1000 / orders;
    }

    double sandboxCpuMsPerOrder() {
        return sandboxCpuSeconds * 1000 / orders;
    }
}
