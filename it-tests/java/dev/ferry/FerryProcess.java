package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.sandbox.SandboxSystem;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ferry in a JVM of its own, started from {@code target/ferry.jar} as docs/operations.md recommends (unpacked, with
 * a class-data-sharing archive written by deploy/cds-archive.sh once per build), so a test can SIGKILL it and start
 * it again on the same data. Output goes to {@code target/<name>.log}.
 */
final class FerryProcess implements AutoCloseable {

    static final String INTAKE_KEY = "ferry-sandbox-key";
    static final String OPS_KEY = "ferry-sandbox-ops-key";

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    // on a shared two-core machine under load a start has taken well over a minute, and over three minutes
    // until Camel had started (which /actuator/health waits for since DOWN answers 503)
    private static final Duration START_WAIT = Duration.ofSeconds(300);
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private FerryProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Options options() {
        return new Options();
    }

    /** What a Ferry process is started with; the same options start it again after a kill. */
    static final class Options {
        private final Map<String, String> args = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        // C1 only: a test's Ferry lives for seconds to a minute, and C2 would spend more CPU compiling its start than
        // the test spends on its orders (DurabilityIT, StoreFailureIT, ProbesIT: 131 -> 86 CPU s). Production keeps
        // both compilers (C1 alone costs 40 % more CPU per order), and so does the test JVM, which lives for the suite
        private final List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
        private int port;
        private boolean simulator;

        private Options() {
            // a Ferry that shares its simulated systems with the test: no sandbox of its own, no CRM pull
            arg("ferry.sandbox.enabled", "false");
            arg("ferry.schedules.crm-order-pull.cron", "0 0 0 1 1 ? 2099");
            // a process stands for a node as production runs it: no dev mode watching the project's files
            arg("ferry.dev", "false");
            // Debian's Chromium and Node: Playwright must neither fetch a browser nor extract a driver
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            env.put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        }

        Options arg(String name, Object value) {
            args.put(name, String.valueOf(value));
            return this;
        }

        Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Options jvm(String... options) {
            jvm.addAll(List.of(options));
            return this;
        }

        /**
         * Ferry as the demo runs it ({@code ./mvnw spring-boot:run}): from the class path of this test JVM, which
         * has the sandbox module, since target/ferry.jar leaves the simulated systems out.
         */
        Options withSimulator() {
            simulator = true;
            return arg("ferry.sandbox.enabled", "true");
        }

        Options dataDir(Path dir) {
            return arg("ferry.data-dir", dir);
        }

        /** The connectors point at the test's simulated systems. */
        Options systemsOf(SandboxSystems sandbox) {
            for (SandboxSystem system : SandboxSystem.values()) {
                arg("ferry.connectors." + system.key() + ".base-url", sandbox.baseUrl(system));
            }
            return arg("ferry.connectors.freight-portal.base-url", sandbox.portal().baseUrl());
        }

        /** The port, chosen once, so a restarted process answers where the first did. */
        int port() {
            if (port == 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return port;
        }

        /** Starts Ferry and waits until it answers its health check; a Ferry that never does is killed. */
        FerryProcess start(String name) {
            FerryProcess ferry = launch(name);
            try {
                await().atMost(START_WAIT).pollInterval(Duration.ofMillis(250))
                        .failFast("Ferry " + name + " exited; see " + ferry.log, () -> !ferry.process.isAlive())
                        .ignoreExceptions()
                        .until(() -> ferry.get("/actuator/health", INTAKE_KEY).statusCode() == 200);
            } catch (RuntimeException notStarted) {
                ferry.kill(); // a Ferry that never became healthy must not outlive the test
                throw notStarted;
            }
            return ferry;
        }

        /** Starts Ferry and returns at once, for a test that expects it to refuse to start. */
        FerryProcess launch(String name) {
            List<String> command = new ArrayList<>();
            command.add(JAVA);
            command.addAll(jvm);
            if (simulator) {
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), FerryApplication.class.getName()));
            } else {
                Path unpacked = unpackedWithArchive();
                command.addAll(List.of("-XX:SharedArchiveFile=" + unpacked.resolve("ferry.jsa"),
                        "-jar", unpacked.resolve("ferry.jar").toString()));
            }
            command.add("--server.port=" + port());
            args.forEach((key, value) -> command.add("--" + key + "=" + value));
            Path log = Path.of("target", name + ".log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            try {
                return new FerryProcess(name, builder.start(), port(), log);
            } catch (IOException e) {
                throw new IllegalStateException("Ferry " + name + " did not start: " + e.getMessage(), e);
            }
        }
    }

    /**
     * target/ferry-cds: target/ferry.jar unpacked, with its archive, written by deploy/cds-archive.sh when the jar is
     * newer than the archive (bench/run shares it). A start from it takes about half the CPU of {@code java -jar
     * target/ferry.jar}, and the ITs start Ferry some twenty times.
     */
    private static synchronized Path unpackedWithArchive() {
        Path jar = Path.of("target", "ferry.jar").toAbsolutePath();
        assertThat(jar).as("run the ITs with ./mvnw verify, which builds target/ferry.jar first").exists();
        Path dir = Path.of("target", "ferry-cds").toAbsolutePath();
        Path archive = dir.resolve("ferry.jsa");
        try {
            if (Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return dir;
            }
            Path log = Path.of("target", "cds-archive.log").toAbsolutePath();
            ProcessBuilder script = new ProcessBuilder("deploy/cds-archive.sh", jar.toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            script.environment().put("JAVA", JAVA);
            Process process = script.start();
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                process.destroyForcibly();
            }
            assertThat(done && process.exitValue() == 0).as("deploy/cds-archive.sh failed: " + Files.readString(log))
                    .isTrue();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("deploy/cds-archive.sh could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, returning once the process is gone. */
    void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGTERM, as a supervisor stops Ferry, returning once the process is gone. */
    void terminate() {
        process.destroy();
        // Ferry waits for requests in flight (30 s) and for Camel's exchanges before it exits
        await().atMost(Duration.ofSeconds(180)).until(() -> !process.isAlive());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path, String key) {
        return FerryIntegrationTest.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    HttpResponse<String> post(String path, String key, String json) {
        return FerryIntegrationTest.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts an order to intake, which must accept it (202); its id. */
    String accept(JsonNode order) {
        HttpResponse<String> response = post("/api/orders", INTAKE_KEY, order.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return FerryIntegrationTest.read(response.body()).path("orderId").asText();
    }

    JsonNode order(String id) {
        return FerryIntegrationTest.read(get("/api/orders/" + id, INTAKE_KEY).body());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
