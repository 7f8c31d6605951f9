package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A peer side by side: a Node-RED flow making the same five calls per order as Ferry, against the same sandbox
 * process, under the load Ferry's saturated end-to-end batch had; its CPU per order and throughput beside Ferry's.
 */
final class PeerScenario {

    private static final int CALLS_PER_ORDER = 5;

    private PeerScenario() {
    }

    /**
     * Installs Node-RED unless it is there; called before anything else runs, so a full run without it fails at
     * once. In a smoke run a missing Node, npm or registry only skips the scenario: returns what is missing.
     */
    static NodeRed.Missing install(Settings settings) {
        try {
            NodeRed.install(home(settings), settings.logs());
            return null;
        } catch (NodeRed.Missing missing) {
            if (!settings.smoke()) {
                throw new IllegalStateException("the peer scenario needs Node-RED " + NodeRed.VERSION
                        + " from the npm registry: " + missing.getMessage(), missing);
            }
            return missing;
        }
    }

    private static Path home(Settings settings) {
        return settings.work().getParent().resolve("node-red");
    }

    /** {@code missing}: what {@link #install} found missing, or null. */
    static void run(Settings settings, Sandbox sandbox, LimitScenario.Limit limit, EndToEndScenario.Outcome ferry,
            NodeRed.Missing missing, Report report) throws Exception {
        if (missing != null) {
            System.out.println("bench: peer skipped: " + missing.getMessage());
            report.section("Peer: Node-RED").text("Skipped in this smoke run: " + missing.getMessage());
            return;
        }
        sandbox.reset();
        int warmUp = EndToEndScenario.warmUpOrders(settings);
        OpenLoop.Result warm;
        OpenLoop.Result batch;
        double nodeCpu;
        double sandboxCpu;
        try (NodeRed peer = NodeRed.start(settings, sandbox, home(settings)); OpenLoop load = new OpenLoop()) {
            warm = load.post(peer.uri("/orders"), "peer-warm", warmUp, Math.min(100, warmUp));
            double nodeBefore = peer.cpuSeconds();
            double sandboxBefore = sandbox.process().cpuSeconds();
            batch = load.post(peer.uri("/orders"), "peer-sat", ferry.orders(), ferry.offeredRate());
            nodeCpu = peer.cpuSeconds() - nodeBefore;
            sandboxCpu = sandbox.process().cpuSeconds() - sandboxBefore;
        }
        long answered = answered2xx(warm) + answered2xx(batch);
        Check check = check(sandbox, answered, warm.offered() + batch.offered());
        double throughput = answered2xx(batch) / batch.seconds();
        double peerCpuMs = nodeCpu * 1000 / batch.offered();
        report.section("Peer: Node-RED")
                .text("Node-RED " + NodeRed.VERSION + " (npm, in target/bench/node-red) on Node " + nodeVersion()
                        + ", one process, running bench/peer/flow.json: `http in` POST /orders → a function node"
                        + " building each request from the order → five `http request` nodes in sequence (CRM"
                        + " customer, ERP sales order, invoice, shipment, CRM status update; keep-alive connections)"
                        + " → `http response` 200. The same paths, credentials, Accept/Accept-Encoding/Content-Type"
                        + " headers, Idempotency-Keys `<orderId>:<step>` and bodies as Ferry's connectors (a"
                        + " random UUID per order, as Ferry's order id), against the same sandbox process, in the"
                        + " same run, after Ferry has stopped. Load: the client of scenario 3, open loop, "
                        + warmUp + " warm-up orders, then the " + ferry.orders() + " orders of Ferry's saturated"
                        + " batch offered at " + Report.f(ferry.offeredRate(), 0) + "/s from "
                        + OpenLoop.CONNECTIONS + " kept-alive connections. Throughput: orders answered 2xx per second"
                        + " from the first order due to the last answer. CPU: the node process (/proc/<pid>/stat)"
                        + " over the batch, divided by the orders.")
                .command("bench/run --only peer")
                .table(List.of("system", "orders", "settled/s", "× L", "CPU ms/order", "sandbox CPU ms/order"),
                        List.of(List.of("Ferry (scenario 3, saturation)", Integer.toString(ferry.orders()),
                                        Report.f(ferry.throughput(), 1), Report.f(ferry.throughput() / limit.combined(), 2),
                                        Report.f(ferry.cpuMsPerOrder(), 2), Report.f(ferry.sandboxCpuMsPerOrder(), 2)),
                                List.of("Node-RED " + NodeRed.VERSION + " flow", Integer.toString(batch.offered()),
                                        Report.f(throughput, 1), Report.f(throughput / limit.combined(), 2),
                                        Report.f(peerCpuMs, 2), Report.f(sandboxCpu * 1000 / batch.offered(), 2))))
                .text("The flow's answers: " + batch.outcomes() + " (warm-up " + warm.outcomes() + "); answer time"
                        + " from when each order was due, client queue included, p50 " + Report.f(batch.p(50), 0)
                        + " ms, p99 " + Report.f(batch.p(99), 0) + " ms.")
                .text("**Did the flow make the five calls?** " + (check.holds() ? "Yes" : "**No**") + ": the sandbox,"
                        + " reset before the peer, holds per record kind the records below for the " + answered
                        + " orders the flow answered 2xx (warm-up included); downstream calls per order offered: "
                        + check.callsPerOrder() + ".")
                .table(List.of("records", "records", "distinct references", "references with more than one"),
                        check.rows())
                .text("**Fairness.** The flow does only the calls. It has no durable queue (an order in flight is"
                        + " lost when the process stops), no journal of steps and ids (nothing to replay, a step done"
                        + " is not skipped on a second try), no retries or back-off (a failed call answers 502 and the"
                        + " client must send again, under a new order id), no idempotent intake (the Idempotency-Key"
                        + " is ignored: an order posted twice is fulfilled twice), no schema validation (it checks"
                        + " the key and that there is a customer id and lines), no order store, API, inbox, metrics or"
                        + " business rules, no freight-bot branch. It is synchronous: it answers after the five calls,"
                        + " so its latency includes them, and it holds as many orders in flight as the client has"
                        + " connections (" + OpenLoop.CONNECTIONS + "), where Ferry answers 202 once the order is stored"
                        + " and queued and works it off with 4 consumers. Node-RED is one event loop: the flow's"
                        + " JavaScript runs on one core (the HTTP parsing and gzip in the same loop), where Ferry's"
                        + " JVM uses both cores.");
        report.target("Ferry CPU/order vs Node-RED flow", "≤ peer", Report.f(ferry.cpuMsPerOrder(), 2) + " vs "
                + Report.f(peerCpuMs, 2) + " ms/order", ferry.cpuMsPerOrder() <= peerCpuMs);
        if (!check.holds()) {
            String problem = "the peer flow did not create exactly one sales order, invoice, shipment and CRM update"
                    + " per order answered: " + check.rows();
            if (settings.smoke()) {
                throw new IllegalStateException(problem + "; see " + settings.logs().resolve("node-red.log"));
            }
            System.out.println("bench: peer: " + problem);
        }
    }

    private record Check(boolean holds, String callsPerOrder, List<List<String>> rows) {
    }

    // each record kind must hold one record per order answered, each with a reference of its own
    private static Check check(Sandbox sandbox, long answered, int offered) {
        boolean holds = answered > 0;
        List<List<String>> rows = new ArrayList<>();
        for (String kind : List.of("sales-orders", "invoices", "shipments", "crm-updates")) {
            String key = kind.equals("crm-updates") ? "ferryOrderId" : "reference";
            Map<String, Integer> byReference = new HashMap<>();
            JsonNode all = sandbox.records(kind);
            all.forEach(record -> byReference.merge(record.path(key).asText("?"), 1, Integer::sum));
            long twice = byReference.values().stream().filter(n -> n > 1).count();
            holds &= all.size() == answered && byReference.size() == answered && twice == 0;
            rows.add(List.of(kind, Integer.toString(all.size()), Integer.toString(byReference.size()),
                    Long.toString(twice)));
        }
        JsonNode stats = sandbox.stats();
        String callsPerOrder = "n/a (this sandbox has no /stats)";
        if (stats != null) {
            long calls = 0;
            for (JsonNode n : stats.path("requests")) {
                calls += n.asLong();
            }
            callsPerOrder = Report.f((double) calls / offered, 2) + " (Ferry: " + CALLS_PER_ORDER + ")";
            holds &= calls == (long) CALLS_PER_ORDER * answered;
        }
        return new Check(holds, callsPerOrder, rows);
    }

    private static long answered2xx(OpenLoop.Result result) {
        return result.outcomes().entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).trim();
            return node.waitFor() == 0 ? version.replaceFirst("^v", "") : "?";
        } catch (Exception e) {
            return "?";
        }
    }
}
