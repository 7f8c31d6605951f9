package dev.ferry.bench;

import java.time.Duration;
import java.util.Map;

/** One batch of orders through Ferry: posted open loop, then waited for until every one is settled. */
record Batch(int orders, double offeredRate, OpenLoop.Result intake, double secondsToSettle, double drainSeconds,
        double ferryCpuSeconds, double ferryJitCpuSeconds, double sandboxCpuSeconds, double maxRssMiB, long databaseBytesAdded,
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
        Map<Long, CpuProfile.ThreadCpu> threadsBefore = CpuProfile.threads(ferry.process().pid());
        double sandboxCpu = sandbox.process().cpuSeconds();
        double[] maxRss = {ferry.process().rssMiB()};
        long start = System.nanoTime();
        OpenLoop.Result intake = load.post(ferry.uri("/api/orders"), prefix, orders, rate, flagEvery);
        long posted = System.nanoTime();
        long settled = Settle.awaitSettled(ferry, Duration.ofHours(3), rss -> maxRss[0] = Math.max(maxRss[0], rss));
        double ferryCpuUsed = ferry.process().cpuSeconds() - ferryCpu;
        double jitCpuUsed = jitSeconds(threadsBefore, CpuProfile.threads(ferry.process().pid()));
        double sandboxCpuUsed = sandbox.process().cpuSeconds() - sandboxCpu;
        Settle.Latencies completion = Settle.completionLatencies(ferry, intake.accepted(), latencySample);
        Map<String, Long> after = ferry.awaitStatusCounts(storedBefore + intake.accepted202(), Duration.ofMinutes(2));
        long flagged = after.getOrDefault("FLAGGED", 0L) - before.getOrDefault("FLAGGED", 0L);
        long completed = after.getOrDefault("COMPLETED", 0L) - before.getOrDefault("COMPLETED", 0L);
        return new Batch(orders, rate, intake, (settled - start) / 1e9, (settled - posted) / 1e9, ferryCpuUsed, jitCpuUsed,
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

    /**
     * Ferry's CPU per order less what its JIT compiler threads used meanwhile: a run's JIT work depends on what it
     * compiled before and varies from run to run by more than many changes to the code it compiles. A compiler thread
     * that ended within the batch (the JVM starts and stops them as needed) is not taken off, so this is at most what
     * the other threads used.
     */
    double ferryCpuMsPerOrderWithoutJit() {
        return (ferryCpuSeconds - ferryJitCpuSeconds) * 1000 / orders;
    }

    private static double jitSeconds(Map<Long, CpuProfile.ThreadCpu> before, Map<Long, CpuProfile.ThreadCpu> after) {
        double seconds = 0;
        for (Map.Entry<Long, CpuProfile.ThreadCpu> thread : after.entrySet()) {
            if (!CpuProfile.JIT.equals(CpuProfile.jvmThread(thread.getValue().name()))) {
                continue;
            }
            CpuProfile.ThreadCpu earlier = before.get(thread.getKey());
            seconds += thread.getValue().seconds() - (earlier == null ? 0 : earlier.seconds());
        }
        return seconds;
    }

    double sandboxCpuMsPerOrder() {
        return sandboxCpuSeconds * 1000 / orders;
    }
}
