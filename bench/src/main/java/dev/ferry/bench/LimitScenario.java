package dev.ferry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenario 1: the limit L of this machine for Ferry's work, measured on the same stubs and the same disk. */
final class LimitScenario {

    private static final List<Integer> THREADS = List.of(8, 32);

    record Limit(double http, double enqueue) {
        /**
         * Both halves run on the same cores, so an order costs the time of its calls plus the time of its
         * enqueue: L = 1 / (1/http + 1/enqueue).
         */
        double combined() {
            return 1 / (1 / http + 1 / enqueue);
        }
    }

    private LimitScenario() {
    }

    static Limit run(Settings settings, Sandbox sandbox, Report report) throws Exception {
        Duration duration = Duration.ofSeconds(settings.limitSeconds());
        List<List<String>> rows = new ArrayList<>();
        double http = 0;
        LimitHttp.run(sandbox, 8, Duration.ofSeconds(Math.max(1, settings.limitSeconds() / 4)), "warm");
        for (int threads : THREADS) {
            sandbox.reset();
            LimitHttp.Result result = LimitHttp.run(sandbox, threads, duration, "limit" + threads);
            if (result.orders() == 0) {
                throw new IllegalStateException("the plain client completed no order against the sandbox ("
                        + result.failures() + " failures); see " + sandbox.process().log());
            }
            http = Math.max(http, result.ordersPerSecond());
            rows.add(List.of("downstream calls (5 per order)", Integer.toString(threads), Report.f(result.seconds(), 1),
                    Long.toString(result.orders()), Long.toString(result.failures()),
                    Report.f(result.ordersPerSecond(), 1),
                    Report.f(result.cpuSecondsSandbox() * 1000 / Math.max(1, result.orders()), 2) + " (sandbox)"));
        }
        sandbox.reset();
        double enqueue = 0;
        for (int threads : THREADS) {
            LimitEnqueue.Result result = LimitEnqueue.run(settings.work().resolve("limit-broker-" + threads),
                    threads, duration);
            enqueue = Math.max(enqueue, result.perSecond());
            rows.add(List.of("durable enqueue (Artemis, embedded, NIO journal)", Integer.toString(threads),
                    Report.f(result.seconds(), 1), Long.toString(result.messages()), "0",
                    Report.f(result.perSecond(), 1), ""));
        }
        Limit limit = new Limit(http, enqueue);
        report.section("1. Limit L")
                .text("What this machine can do of Ferry's work with nothing of Ferry in the way. Downstream: a plain"
                        + " keep-alive client (Apache HttpClient 5, classic, the library of Ferry's connectors) makes"
                        + " the five calls Ferry makes per order —"
                        + " CRM customer, ERP sales order, invoice, shipment, CRM status update — with the same paths,"
                        + " credentials, Idempotency-Keys and bodies against the same sandbox process, from 8 and"
                        + " 32 threads. Queue: persistent sends of an order id to an embedded Artemis configured as"
                        + " Ferry's, journal on the same disk as Ferry's data. Both halves share the same cores, so"
                        + " L = 1 / (1/downstream + 1/enqueue).")
                .command("bench/run --only limit")
                .table(List.of("half", "threads", "seconds", "orders or messages", "failures", "per second",
                        "CPU ms per order"), rows)
                .text("**L = " + Report.f(limit.combined(), 1) + " orders/s** (downstream "
                        + Report.f(http, 1) + "/s, enqueue " + Report.f(enqueue, 1) + "/s).");
        return limit;
    }
}
