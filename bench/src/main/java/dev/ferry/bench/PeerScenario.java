package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A peer side by side: a Node-RED flow making the same five calls per order as Ferry, against the same sandbox
 * process, under the load Ferry's saturated end-to-end batch had; its CPU per order and throughput beside Ferry's.
 */
final class PeerScenario {

    private static final int CALLS_PER_ORDER = 5;
    private static final int CEILING_SECONDS = 20;

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

    /** One peer's measured batch: its answers, its CPU and the sandbox's over the batch, and the sandbox's check. */
    private record PeerRun(OpenLoop.Result warm, OpenLoop.Result batch, double cpuSeconds, double sandboxCpuSeconds,
            Check check, Ceiling ceiling) {

        double throughput() {
            return settledPerSecond(batch);
        }

        double cpuMsPerOrder() {
            return cpuSeconds * 1000 / batch.offered();
        }

        List<String> row(String system, LimitScenario.Limit limit) {
            return List.of(system, Integer.toString(batch.offered()), Report.f(throughput(), 1),
                    Report.f(throughput() / limit.combined(), 2), Report.f(cpuMsPerOrder(), 2),
                    Report.f(sandboxCpuSeconds * 1000 / batch.offered(), 2));
        }
    }

    /** {@code missing}: what {@link #install} found missing, or null. */
    static void run(Settings settings, Sandbox sandbox, LimitScenario.Limit limit, EndToEndScenario.Outcome ferry,
            NodeRed.Missing missing, Report report) throws Exception {
        int warmUp = EndToEndScenario.warmUpOrders(settings);
        PeerRun nodeRed = null;
        if (missing != null) {
            System.out.println("bench: peer: Node-RED skipped: " + missing.getMessage());
        } else {
            sandbox.reset();
            try (NodeRed peer = NodeRed.start(settings, sandbox, home(settings))) {
                nodeRed = measure(settings, sandbox, peer.uri("/orders"), peer::cpuSeconds, warmUp, ferry, limit);
            }
        }
        sandbox.reset();
        PeerRun bare;
        IntakeFloor intake;
        try (BareStack floor = BareStack.start(settings, sandbox)) {
            bare = measure(settings, sandbox, floor.uri("/orders"), floor::cpuSeconds, warmUp, ferry, limit);
            intake = intakeFloor(settings, floor);
        }
        Report section = report.section("Peer: Node-RED, and Ferry's stack bare")
                .text("Two peers make the five calls of an order against the same sandbox process, in the same run,"
                        + " after Ferry has stopped, each under the load of scenario 3's saturated batch: the client"
                        + " of scenario 3, open loop, " + warmUp + " warm-up orders, then the " + ferry.orders()
                        + " orders of Ferry's batch offered at " + Report.f(ferry.offeredRate(), 0) + "/s from "
                        + OpenLoop.CONNECTIONS + " kept-alive connections. Both send the same paths, credentials,"
                        + " Accept/Content-Type headers, Idempotency-Keys `<orderId>:<step>` and bodies as Ferry's"
                        + " connectors (a random UUID per order), ask for gzip as Ferry's client does, answer 200"
                        + " after the fifth call. Throughput: orders answered 2xx per second from the first order due"
                        + " to the last answer. CPU: the peer's process (/proc/<pid>/stat) over the batch, divided"
                        + " by the orders.")
                .text("- **Node-RED** " + NodeRed.VERSION + " (npm, in target/bench/node-red) on Node "
                        + nodeVersion() + ", one process, running bench/peer/flow.json: `http in` POST /orders →"
                        + " function nodes building each request → five `http request` nodes in sequence →"
                        + " `http response`." + (missing == null ? "" : " **Skipped in this smoke run:** "
                        + missing.getMessage()))
                .text("- **Ferry's stack, bare** (bench/src/main/java/dev/ferry/bench/floor): Spring Boot "
                        + "(Tomcat, MVC, Jackson) and one Camel route calling Camel's http component (Apache"
                        + " HttpClient 5, Ferry's connectors' client) five times, in a JVM started as Ferry's are"
                        + " (`-Xmx512m`, the same warm-up), on Ferry's runtime classpath without Ferry's classes:"
                        + " what this stack costs per order before Ferry adds a single promise. Ferry cannot spend"
                        + " less than this row per order without leaving the stack.")
                .command("bench/run --only peer");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Ferry (scenario 3, saturation)", Integer.toString(ferry.orders()),
                Report.f(ferry.throughput(), 1), Report.f(ferry.throughput() / limit.combined(), 2),
                Report.f(ferry.cpuMsPerOrder(), 2), Report.f(ferry.sandboxCpuMsPerOrder(), 2)));
        if (nodeRed != null) {
            rows.add(nodeRed.row("Node-RED " + NodeRed.VERSION + " flow", limit));
        }
        rows.add(bare.row("Ferry's stack, bare (the calls only)", limit));
        section.table(List.of("system", "orders", "settled/s", "× L", "CPU ms/order", "sandbox CPU ms/order"), rows);
        if (nodeRed != null) {
            describe(section, "Node-RED", nodeRed);
        }
        describe(section, "the bare stack", bare);
        List<List<String>> ceilings = new ArrayList<>();
        if (nodeRed != null) {
            ceilings.add(nodeRed.ceiling().row("Node-RED " + NodeRed.VERSION + " flow", limit));
        }
        ceilings.add(bare.ceiling().row("Ferry's stack, bare (the calls only)", limit));
        section.text("**Each peer's own ceiling.** After the batch above (its records checked), the same client"
                        + " offers the peer orders at L itself, open loop, for " + CEILING_SECONDS + " s: the share of L"
                        + " a system doing nothing but the five calls reaches on this machine, with the sandbox and the"
                        + " load generator beside it. Ferry's goal in × L is measured against the same L, and Ferry"
                        + " does its durable work on top of the calls.")
                .table(List.of("system", "orders", "offered/s", "answers", "settled/s", "× L", "CPU ms/order",
                        "sandbox CPU ms/order"), ceilings);
        section.text("**Intake's floor.** The bare stack's `POST /intake` checks the key and the order's shape,"
                        + " reads it with Jackson and answers 202 with a new id (no store, queue, validation, security"
                        + " chain or metrics): after " + intake.warmUp() + " warm-up orders, "
                        + intake.result().offered() + " offered at " + Report.f(intake.result().rate(), 0) + "/s,"
                        + " open loop, as scenario 5 offers them to Ferry's intake.")
                .table(List.of("offered/s", "answers", "p50 ms", "p99 ms", "CPU ms/order"),
                        List.of(List.of(Report.f(intake.result().rate(), 0), intake.result().outcomes().toString(),
                                Report.f(intake.result().p(50), 1), Report.f(intake.result().p(99), 1),
                                Report.f(intake.cpuMsPerOrder(), 2))));
        section.text("**Fairness.** Neither peer does more than the calls. They have no durable queue (an order in"
                + " flight is lost when the process stops), no journal of steps and ids (nothing to replay, a step done"
                + " is not skipped on a second try), no retries or back-off (a failed call answers 502 and the"
                + " client must send again, under a new order id), no idempotent intake (the Idempotency-Key"
                + " is ignored: an order posted twice is fulfilled twice), no schema validation (they check"
                + " the key and that there is a customer id and lines), no order store, API, inbox, metrics or"
                + " business rules, no freight-bot branch. They are synchronous: they answer after the five calls,"
                + " so their latency includes them, and they hold as many orders in flight as the client has"
                + " connections (" + OpenLoop.CONNECTIONS + "), where Ferry answers 202 once the order is stored"
                + " and queued and works it off with 4 consumers. Node-RED is one event loop: the flow's"
                + " JavaScript runs on one core (the HTTP parsing and gzip in the same loop); the JVMs use both"
                + " cores, and their CPU includes the JIT compiling the code after a short warm-up, as Ferry's does.");
        if (nodeRed != null) {
            report.target("Ferry CPU/order vs Node-RED flow", "≤ peer", Report.f(ferry.cpuMsPerOrder(), 2) + " vs "
                            + Report.f(nodeRed.cpuMsPerOrder(), 2) + " ms/order",
                    ferry.cpuMsPerOrder() <= nodeRed.cpuMsPerOrder());
        }
        Map<String, PeerRun> peers = new LinkedHashMap<>();
        if (nodeRed != null) {
            peers.put("Node-RED", nodeRed);
        }
        peers.put("bare stack", bare);
        for (Map.Entry<String, PeerRun> peer : peers.entrySet()) {
            Check check = peer.getValue().check();
            if (!check.holds()) {
                String problem = "the " + peer.getKey() + " peer did not create exactly one sales order, invoice,"
                        + " shipment and CRM update per order answered: " + check.rows();
                if (settings.smoke()) {
                    throw new IllegalStateException(problem + "; see " + settings.logs());
                }
                System.out.println("bench: peer: " + problem);
            }
        }
    }

    private record IntakeFloor(int warmUp, OpenLoop.Result result, double cpuSeconds) {
        double cpuMsPerOrder() {
            return cpuSeconds * 1000 / result.offered();
        }
    }

    // the intake scenario's warm-up and its 500/s step, against the bare stack's intake
    private static IntakeFloor intakeFloor(Settings settings, BareStack floor) {
        int warmUp = settings.smoke() ? 100 : 3_000;
        int rate = 500;
        try (OpenLoop load = new OpenLoop()) {
            load.post(floor.uri("/intake"), "floor-intake-warm", warmUp, Math.min(500, warmUp));
            double before = floor.cpuSeconds();
            OpenLoop.Result result = load.post(floor.uri("/intake"), "floor-intake",
                    rate * settings.intakeStepSeconds(), rate);
            return new IntakeFloor(warmUp, result, floor.cpuSeconds() - before);
        }
    }

    /** A peer offered orders at L, open loop: how much of L the peer itself reaches, and its CPU meanwhile. */
    private record Ceiling(OpenLoop.Result batch, double cpuSeconds, double sandboxCpuSeconds) {

        double throughput() {
            return settledPerSecond(batch);
        }

        List<String> row(String system, LimitScenario.Limit limit) {
            return List.of(system, Integer.toString(batch.offered()), Report.f(batch.rate(), 0),
                    batch.outcomes().toString(), Report.f(throughput(), 1),
                    Report.f(throughput() / limit.combined(), 2),
                    Report.f(cpuSeconds * 1000 / batch.offered(), 2),
                    Report.f(sandboxCpuSeconds * 1000 / batch.offered(), 2));
        }
    }

    // orders answered 2xx per second, from the first order due to the last answer
    private static double settledPerSecond(OpenLoop.Result batch) {
        return answered2xx(batch) / batch.seconds();
    }

    private static Ceiling ceiling(Settings settings, Sandbox sandbox, OpenLoop load, URI orders, DoubleSupplier cpu,
            LimitScenario.Limit limit) {
        double rate = Math.max(1, limit.combined());
        int count = settings.smoke() ? 200 : (int) (rate * CEILING_SECONDS);
        double before = cpu.getAsDouble();
        double sandboxBefore = sandbox.process().cpuSeconds();
        OpenLoop.Result batch = load.post(orders, "peer-ceiling", count, rate);
        return new Ceiling(batch, cpu.getAsDouble() - before, sandbox.process().cpuSeconds() - sandboxBefore);
    }

    private static PeerRun measure(Settings settings, Sandbox sandbox, URI orders, DoubleSupplier cpu,
            int warmUp, EndToEndScenario.Outcome ferry, LimitScenario.Limit limit) {
        try (OpenLoop load = new OpenLoop()) {
            OpenLoop.Result warm = load.post(orders, "peer-warm", warmUp, EndToEndScenario.warmUpRate(warmUp));
            double before = cpu.getAsDouble();
            double sandboxBefore = sandbox.process().cpuSeconds();
            OpenLoop.Result batch = load.post(orders, "peer-sat", ferry.orders(), ferry.offeredRate());
            double used = cpu.getAsDouble() - before;
            double sandboxUsed = sandbox.process().cpuSeconds() - sandboxBefore;
            long answered = answered2xx(warm) + answered2xx(batch);
            Check check = check(sandbox, answered, warm.offered() + batch.offered());
            return new PeerRun(warm, batch, used, sandboxUsed, check, ceiling(settings, sandbox, load, orders, cpu,
                    limit));
        }
    }

    private static void describe(Report section, String name, PeerRun run) {
        section.text("The answers of " + name + ": " + run.batch().outcomes() + " (warm-up " + run.warm().outcomes()
                        + "); answer time from when each order was due, client queue included, p50 "
                        + Report.f(run.batch().p(50), 0) + " ms, p99 " + Report.f(run.batch().p(99), 0) + " ms."
                        + " **Did it make the five calls?** " + (run.check().holds() ? "Yes" : "**No**")
                        + ": the sandbox, reset before the peer, holds per record kind the records below for the "
                        + (answered2xx(run.warm()) + answered2xx(run.batch())) + " orders it answered 2xx (warm-up"
                        + " included); downstream calls per order offered: " + run.check().callsPerOrder() + ".")
                .table(List.of("records", "records", "distinct references", "references with more than one"),
                        run.check().rows());
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
