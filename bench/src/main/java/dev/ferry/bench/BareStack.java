package dev.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor peer: {@code dev.ferry.bench.floor.BareFlow}, Ferry's stack (Spring Boot, Tomcat, Camel's http
 * component, Jackson) doing the five calls and nothing else, in a JVM started as Ferry's are (same heap, no class
 * data sharing archive of its own), on Ferry's runtime classpath without Ferry's classes or configuration.
 */
final class BareStack implements AutoCloseable {

    private final JavaProcess process;
    private final int port;

    private BareStack(JavaProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static BareStack start(Settings settings, Sandbox sandbox) throws IOException {
        int port = JavaProcess.freePort();
        // Ferry's options but its archive, which holds Ferry's classes, not these
        List<String> jvm = settings.ferryJvm().stream().filter(option -> !option.equals(Settings.CDS_ARCHIVE)).toList();
        List<String> classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "classes")))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .toList();
        // a directory of its own: Spring Boot would read Ferry's config/ from the project's
        Path directory = Files.createDirectories(settings.work().resolve("bare-stack"));
        JavaProcess process = JavaProcess.startMain("bare-stack", classpath, "dev.ferry.bench.floor.BareFlow", jvm,
                List.of("--server.port=" + port), sandbox.peerEnvironment(), directory, settings.logs());
        Http.awaitOk(process, Http.uri(port, "/ready"), null, 120);
        return new BareStack(process, port);
    }

    URI uri(String path) {
        return Http.uri(port, path);
    }

    double cpuSeconds() {
        return process.cpuSeconds();
    }

    @Override
    public void close() {
        process.close();
    }
}
