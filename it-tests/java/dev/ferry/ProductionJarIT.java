package dev.ferry;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * target/ferry.jar holds what production runs: no simulated systems, no WireMock, no Node.js binaries of
 * Playwright's, no client generated for the tests; and asked for the simulated systems anyway, it says in one line where they are. Its
 * {@code validate} command checks a home's files and says so in its exit code.
 */
class ProductionJarIT {

    @Test
    void theJarCarriesNeitherTheSimulatorNorWireMockNorPlaywrightsNodeBinaries() throws IOException {
        try (ZipFile jar = new ZipFile(Path.of("target", "ferry.jar").toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).as("Ferry's own classes are there").contains("BOOT-INF/classes/dev/ferry/FerryApplication.class");
            assertThat(names).filteredOn(name -> name.startsWith("BOOT-INF/lib/"))
                    .as("the driver's scripts are there").anyMatch(name -> name.startsWith("BOOT-INF/lib/driver-1."))
                    .noneMatch(name -> name.contains("wiremock") || name.contains("ferry-sandbox")
                            || name.contains("driver-bundle"));
            assertThat(names).noneMatch(name -> name.startsWith("BOOT-INF/classes/dev/ferry/sandbox/")
                    && name.endsWith(".class"));
            // the client generated from docs/openapi.yaml is the tests' (OpenApiClientIT), as are its parser and generator
            assertThat(names).noneMatch(name -> name.startsWith("BOOT-INF/classes/dev/ferry/client/")
                    || name.startsWith("BOOT-INF/lib/swagger-parser") || name.startsWith("BOOT-INF/lib/openapi-generator"));
        }
    }

    @Test
    void theSandboxProfileStopsAtOnceWithOneLineSayingWhereTheSimulatedSystemsAre() throws IOException {
        FerryProcess.Options options = FerryProcess.options()
                .dataDir(Files.createTempDirectory("ferry-production-jar-"))
                .arg("ferry.sandbox.enabled", "true");

        assertOneLine(options, "production-jar-sandbox-profile", "the sandbox profile",
                "ferry-sandbox-standalone.jar");
    }

    @Test
    void theSandboxAloneStopsAtOnceWithOneLineSayingWhereItIs() throws IOException {
        FerryProcess.Options options = FerryProcess.options()
                .dataDir(Files.createTempDirectory("ferry-production-jar-"))
                .arg("ferry.mode", "sandbox-only");

        assertOneLine(options, "production-jar-sandbox-only", "--ferry.mode=sandbox-only",
                "java -jar sandbox/target/ferry-sandbox-standalone.jar");
    }

    @Test
    void validateChecksTheFilesOfAHomeWithoutStartingAnything(@TempDir Path home) throws Exception {
        for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
            FileSystemUtils.copyRecursively(Path.of(folder), home.resolve(folder));
        }
        Path route = home.resolve("routes/order-fulfilment.yaml");
        Files.writeString(route, Files.readString(route).replace("kamelet:erp-create-sales-order-action",
                "kamelet:erp-create-salesorder-action"));

        List<String> broken = validate(home, 1);
        List<String> shipped = validate(Path.of("").toAbsolutePath(), 0);

        assertThat(broken).hasSize(2);
        assertThat(broken.get(0)).matches("routes/order-fulfilment\\.yaml:\\d+:\\d+: no Kamelet"
                + " 'erp-create-salesorder-action' in connectors/"
                + " \\(did you mean 'erp-create-sales-order-action'\\?\\).*");
        assertThat(broken.get(1)).startsWith("ferry validate: 1 mistake in 1 file (");
        assertThat(shipped).singleElement(as(STRING)).startsWith("ferry validate: ").endsWith(", no mistakes");
    }

    /** The lines {@code java -jar target/ferry.jar validate} prints for the home, which must exit with {@code exit}. */
    private static List<String> validate(Path home, int exit) throws Exception {
        Path out = Files.createTempFile("ferry-validate-", ".log");
        Process validate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "ferry.jar").toAbsolutePath().toString(), "validate",
                "--ferry.home=" + home).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(validate.waitFor(2, TimeUnit.MINUTES)).as("validate ended").isTrue();
        assertThat(validate.exitValue()).as(Files.readString(out)).isEqualTo(exit);
        return Files.readAllLines(out).stream().filter(line -> !line.isBlank()).toList();
    }

    private static void assertOneLine(FerryProcess.Options options, String name, String... words) throws IOException {
        try (FerryProcess ferry = options.launch(name)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> !ferry.isAlive());

            assertThat(ferry.exitValue()).as("exit code; see " + ferry.log()).isEqualTo(2);
            List<String> lines = Files.readAllLines(ferry.log()).stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(ferry.log().toString()).hasSize(1);
            assertThat(lines.get(0)).startsWith("Ferry cannot start: ").contains(words)
                    .contains("has no simulated systems");
        }
    }
}
