package dev.ferry.bench;

import java.time.Duration;

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
        long flaggedBefore = ferry.count("FLAGGED");
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
        long flagged = ferry.count("FLAGGED") - flaggedBefore;
        return new Batch(orders, rate, intake, (settled - start) / 1e9, (settled - posted) / 1e9, ferryCpuUsed,
                sandboxCpuUsed, maxRss[0], ferry.databaseBytes() - bytesBefore, completion,
                completed(intake, flagged), flagged);
    }

    // Ferry counts a list's total only up to 10,000 (docs/api.md); once nothing is ACCEPTED or IN_PROGRESS
    // every accepted order of the batch is COMPLETED or FLAGGED (the bench discards none), and the flagged
    // ones stay far below that
    private static long completed(OpenLoop.Result intake, long flagged) {
        return intake.accepted202() - flagged;
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
