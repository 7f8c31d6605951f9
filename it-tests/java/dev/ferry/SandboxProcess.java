package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated systems in a process of their own (the sandbox module's standalone jar) for several
 * Ferry nodes to share, on ports chosen here; what they hold is read from its control port.
 */
final class SandboxProcess {

    private static final List<String> SYSTEMS = List.of("crm", "erp", "accounting", "shipping", "portal");

    private final Process process;
    private final Map<String, Object> ports;
    private final int control;

    private SandboxProcess(Process process, Map<String, Object> ports, int control) {
        this.process = process;
        this.ports = ports;
        this.control = control;
    }

    static SandboxProcess start(Path dataDir) throws IOException {
        Path jar = Path.of("sandbox", "target", "ferry-sandbox-standalone.jar").toAbsolutePath();
        assertThat(jar).as("run the ITs with ./mvnw verify, which builds the sandbox module's jar first").exists();
        Map<String, Object> ports = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            ports.put("ferry.sandbox." + system + ".port", Cluster.freePort());
        }
        int control = Cluster.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--ferry.data-dir=" + Files.createDirectories(dataDir),
                "--ferry.sandbox.control.port=" + control,
                // the world stands still: no CRM orders of its own, no status moves, no portal hazards
                "--ferry.sandbox.crm.trickle-initial=0", "--ferry.sandbox.crm.trickle-max=0",
                "--ferry.sandbox.portal.hazards.slow-rate=0", "--ferry.sandbox.portal.hazards.busy-rate=0",
                "--ferry.sandbox.portal.hazards.expiry-rate=0"));
        ports.forEach((key, port) -> command.add("--" + key + "=" + port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "cluster-sandbox.log").toFile()).start();
        SandboxProcess sandbox = new SandboxProcess(process, ports, control);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("the sandbox process exited; see target/cluster-sandbox.log", () -> !process.isAlive())
                .until(() -> sandbox.get("/portal/activity").statusCode() == 200);
        return sandbox;
    }

    Process process() {
        return process;
    }

    /** {@code ferry.sandbox.<system>.port} of each system, for the nodes' connectors. */
    Map<String, Object> ports() {
        return ports;
    }

    /** crm-updates, sales-orders, invoices, shipments or consignments. */
    JsonNode records(String name) {
        HttpResponse<String> response = get("/records/" + name);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return FerryIntegrationTest.read(response.body());
    }

    JsonNode portalActivity() {
        return FerryIntegrationTest.read(get("/portal/activity").body());
    }

    private HttpResponse<String> get(String path) {
        return FerryIntegrationTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + path)).GET().build());
    }
}
