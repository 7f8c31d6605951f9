package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The probes an orchestrator or a load balancer asks: liveness (is this JVM wedged?) and readiness (can this
 * node take orders?), what they contain, and what they answer when the broker or the database goes away.
 */
class ProbesIT extends FerryIntegrationTest {

    private static final String OPS_KEY = "ferry-sandbox-ops-key";

    @Test
    void livenessIsUpAndLooksAtTheJvmAndTheStoreOnItsOwnDiskOnly() {
        HttpResponse<String> liveness = get("/actuator/health/liveness", OPS_KEY);

        assertThat(liveness.statusCode()).isEqualTo(200);
        JsonNode body = read(liveness.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(fieldNames(body.path("components"))).containsExactlyInAnyOrder("livenessState", "store");
        assertThat(body.path("components").path("store").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessChecksTheStoreTheDatabaseTheBrokerCamelsRoutesAndTheBrowser() {
        HttpResponse<String> readiness = get("/actuator/health/readiness", OPS_KEY);

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode components = read(readiness.body()).path("components");
        assertThat(fieldNames(components)).containsExactlyInAnyOrder("readinessState", "store", "db", "jms", "camelRoutes",
                "browser");
        assertThat(components.path("store").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jms").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jms").path("details").path("provider").asText()).isEqualTo("ActiveMQ");
        JsonNode routes = components.path("camelRoutes");
        assertThat(routes.path("status").asText()).as(routes.toString()).isEqualTo("UP");
        assertThat(routes.path("details").path("context").asText()).isEqualTo("Started");
        assertThat(routes.path("details").path("routes").asInt()).isGreaterThan(5);
        assertThat(routes.path("details").path("notStarted")).isEmpty();
        // a node without Chromium would say DEGRADED here, and still answer 200: it takes orders, bot runs fail
        assertThat(components.path("browser").path("status").asText()).isIn("UP", "DEGRADED");
    }

    @Test
    void probesAnswerWithoutAKeyButShowNoDetails() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(probe)).GET().build());

            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(read(response.body()).has("components")).as(probe + ": " + response.body()).isFalse();
        }
    }

    /**
     * A Ferry of its own against a broker and a database outside its JVM, as in the cluster profile: an
     * Artemis with a TCP acceptor and an H2 TCP server, both run by the test so it can stop and start them.
     * One Ferry for both outages, because a start costs a minute on a busy machine.
     */
    @Test
    void aNodeWhoseBrokerOrDatabaseIsAwayIsNotReadyButStaysAlive() throws Exception {
        Path dir = Files.createTempDirectory("ferry-probes-");
        int brokerPort = freePort();
        int databasePort = freePort();
        EmbeddedActiveMQ broker = startBroker(brokerPort);
        Server database = startDatabase(databasePort, dir);
        FerryProcess.Options options = FerryProcess.options()
                .dataDir(dir.resolve("data"))
                .systemsOf(sandbox)
                .arg("spring.artemis.mode", "native")
                .arg("spring.artemis.embedded.enabled", "false")
                .arg("spring.artemis.broker-url", "tcp://localhost:" + brokerPort)
                .arg("spring.datasource.url", "jdbc:h2:tcp://localhost:" + databasePort + "/ferry")
                // the database check waits this long for a connection before it says DOWN (the pool's default: 30 s)
                .arg("spring.datasource.hikari.connection-timeout", "3000");
        try (FerryProcess ferry = options.start("probes")) {
            assertProbes(ferry, 200, 200);

            broker.stop();
            assertProbes(ferry, 503, 200);
            assertThat(component(ferry, "jms")).isEqualTo("DOWN");

            broker = startBroker(brokerPort);
            assertProbes(ferry, 200, 200);

            database.stop();
            assertProbes(ferry, 503, 200);
            assertThat(component(ferry, "db")).isEqualTo("DOWN");

            database = startDatabase(databasePort, dir);
            assertProbes(ferry, 200, 200);
        } finally {
            broker.stop();
            database.stop();
        }
    }

    /** Waits until readiness answers {@code readiness}; liveness must answer {@code liveness} meanwhile. */
    private static void assertProbes(FerryProcess ferry, int readiness, int liveness) {
        // generous: a busy machine; with the database gone a check waits for the pool's connection timeout first
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> ready = ferry.get("/actuator/health/readiness", OPS_KEY);
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(readiness);
        });
        HttpResponse<String> live = ferry.get("/actuator/health/liveness", OPS_KEY);
        assertThat(live.statusCode()).as(live.body()).isEqualTo(liveness);
    }

    private static String component(FerryProcess ferry, String name) {
        JsonNode readiness = read(ferry.get("/actuator/health/readiness", OPS_KEY).body());
        return readiness.path("components").path(name).path("status").asText();
    }

    private static EmbeddedActiveMQ startBroker(int port) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://localhost:" + port));
        // the port of the broker just stopped may take a moment to be free again
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> broker.start() != null);
        return broker;
    }

    private static Server startDatabase(int port, Path dir) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try {
                return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists",
                        "-baseDir", dir.toString()).start();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, server -> server.isRunning(false));
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        return () -> node.fieldNames();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
