package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated systems in a process of their own (the sandbox module's standalone jar), tuned for load:
 * no CRM trickle, no portal hazards, no request journal; optionally a share of calls that fail.
 */
final class Sandbox implements AutoCloseable {

    // built by the same ./mvnw package as target/ferry.jar, which has no simulated systems in it
    private static final Path JAR = Path.of("sandbox", "target", "ferry-sandbox-standalone.jar");

    static final List<String> SYSTEMS = List.of("crm", "erp", "accounting", "shipping", "portal");

    private final JavaProcess process;
    private final Map<String, Integer> ports;
    private final int control;

    private Sandbox(JavaProcess process, Map<String, Integer> ports, int control) {
        this.process = process;
        this.ports = ports;
        this.control = control;
    }

    /** {@code faultRate} 0 for a healthy world; else that share of API calls answers 503, 429 or is reset. */
    static Sandbox start(Settings settings, String name, double faultRate) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Integer> free = JavaProcess.freePorts(SYSTEMS.size() + 1);
        for (int i = 0; i < SYSTEMS.size(); i++) {
            ports.put(SYSTEMS.get(i), free.get(i));
        }
        int control = free.get(SYSTEMS.size());
        List<String> args = new ArrayList<>(List.of("--ferry.data-dir=" + settings.work().resolve(name),
                "--ferry.sandbox.control.port=" + control,
                "--ferry.sandbox.crm.trickle-initial=0", "--ferry.sandbox.crm.trickle-max=0",
                "--ferry.sandbox.portal.hazards.slow-rate=0", "--ferry.sandbox.portal.hazards.busy-rate=0",
                "--ferry.sandbox.portal.hazards.expiry-rate=0",
                "--ferry.sandbox.request-journal=false",
                "--ferry.sandbox.faults.rate=" + faultRate,
                "--logging.level.root=WARN"));
        ports.forEach((system, port) -> args.add("--ferry.sandbox." + system + ".port=" + port));
        JavaProcess process = JavaProcess.start(name, JAR, settings.sandboxJvm(), args, Map.of(),
                settings.logs());
        Sandbox sandbox = new Sandbox(process, ports, control);
        Http.awaitOk(process, Http.uri(control, "/portal/activity"), null, 120);
        return sandbox;
    }

    Map<String, Integer> ports() {
        return ports;
    }

    String baseUrl(String system) {
        return "http://127.0.0.1:" + ports.get(system);
    }

    /** For a peer (PEER_* variables): this sandbox's URLs and the keys of Ferry's sandbox profile. */
    Map<String, String> peerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEER_INTAKE_KEY", Ferry.INTAKE_KEY);
        env.put("PEER_CRM_URL", baseUrl("crm"));
        env.put("PEER_CRM_TOKEN", "crm-sandbox-token");
        env.put("PEER_ERP_URL", baseUrl("erp"));
        env.put("PEER_ERP_API_KEY", "erp-sandbox-key");
        env.put("PEER_ACCOUNTING_URL", baseUrl("accounting"));
        env.put("PEER_ACCOUNTING_USER", "ferry");
        env.put("PEER_ACCOUNTING_PASSWORD", "accounting-sandbox");
        env.put("PEER_SHIPPING_URL", baseUrl("shipping"));
        env.put("PEER_SHIPPING_TOKEN", "shipping-sandbox-token");
        return env;
    }

    JavaProcess process() {
        return process;
    }

    /** crm-updates, sales-orders, invoices, shipments or consignments. */
    JsonNode records(String name) {
        return Http.getJson(Http.uri(control, "/records/" + name), null);
    }

    /** Requests per system and faults per kind since the start or the last reset; null if this build has none. */
    JsonNode stats() {
        return Http.getJsonOrNull(Http.uri(control, "/stats"));
    }

    void reset() {
        Http.post(Http.uri(control, "/reset"), null, "");
    }

    @Override
    public void close() {
        process.close();
    }
}
