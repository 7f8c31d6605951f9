package dev.ferry.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer: a Node-RED process running bench/peer/flow.json (the five calls of an order, synchronous) against
 * the sandbox process, installed from npm into target/bench/node-red on first use.
 */
final class NodeRed implements AutoCloseable {

    /** The Node-RED the bench installs and measures; the flow is written for 4.x. */
    static final String VERSION = "4.1.15";
    private static final Path FLOW = Path.of("bench", "peer", "flow.json");
    private static final Path SETTINGS = Path.of("bench", "peer", "settings.js");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    /** What the peer needs and cannot have on this machine: Node, npm, or the npm registry. */
    static final class Missing extends Exception {
        Missing(String message) {
            super(message);
        }
    }

    private final Process process;
    private final int port;
    private final Path log;

    private NodeRed(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Installs Node-RED {@link #VERSION} under {@code home} unless it is there already. */
    static void install(Path home, Path logs) throws Missing {
        if (installed(home)) {
            return;
        }
        Path log = logs.resolve("npm-install.log");
        try {
            Files.createDirectories(home);
            Files.createDirectories(logs);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", home.toString(), "--omit=dev",
                    "--no-audit", "--no-fund", "--fetch-retries=1", "--fetch-timeout=30000", "node-red@" + VERSION)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new Missing("npm did not install node-red@" + VERSION + " within " + INSTALL_TIMEOUT.toMinutes()
                        + " min (is the npm registry reachable?); see " + log);
            }
            if (npm.exitValue() != 0 || !installed(home)) {
                throw new Missing("npm could not install node-red@" + VERSION + " (exit " + npm.exitValue()
                        + "; is the npm registry reachable?); see " + log);
            }
        } catch (IOException e) {
            throw new Missing("cannot run npm to install node-red@" + VERSION + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Missing("interrupted while installing node-red@" + VERSION);
        }
    }

    private static boolean installed(Path home) {
        Path manifest = home.resolve("node_modules/node-red/package.json");
        try {
            return Files.exists(manifest) && VERSION.equals(Http.read(Files.readString(manifest)).path("version").asText());
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** Starts the flow with the sandbox's URLs and demo keys and waits until it answers. */
    static NodeRed start(Settings settings, Sandbox sandbox, Path home) throws IOException, Missing {
        int port = JavaProcess.freePort();
        Path userDir = Files.createDirectories(settings.work().resolve("node-red"));
        Path log = Files.createDirectories(settings.logs()).resolve("node-red.log");
        Map<String, String> env = new LinkedHashMap<>(sandbox.peerEnvironment());
        env.put("PEER_PORT", Integer.toString(port));
        env.put("PEER_USER_DIR", userDir.toString());
        env.put("PEER_FLOW_FILE", FLOW.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(List.of("node",
                home.resolve("node_modules/node-red/red.js").toAbsolutePath().toString(),
                "--settings", SETTINGS.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Missing("cannot start node (Node.js 18 or later on the PATH): " + e.getMessage());
        }
        NodeRed peer = new NodeRed(process, port, log);
        peer.awaitReady(Duration.ofSeconds(120));
        return peer;
    }

    // the flow's GET /ready answers once the flows have started, not just the HTTP server
    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node-RED exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (Http.get(Http.uri(port, "/ready"), null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Http.pause(Duration.ofMillis(50));
        }
        close();
        throw new IllegalStateException("Node-RED did not answer /ready within " + timeout.toSeconds() + " s; see " + log);
    }

    URI uri(String path) {
        return Http.uri(port, path);
    }

    /** User + system CPU seconds of the node process so far (Node-RED runs in that one process). */
    double cpuSeconds() {
        return JavaProcess.cpuSeconds(process.pid());
    }

    @Override
    public void close() {
        JavaProcess.stop(process, 15);
    }
}
