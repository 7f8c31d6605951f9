package dev.ferry.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;

/** A start stops before anything runs when the home has a mistake, with the lines ferry validate prints. */
class ValidationAtStartTests {

    @TempDir
    Path home;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger stops = new AtomicInteger();
    private final MockEnvironment environment = new MockEnvironment();

    @BeforeEach
    void copyTheProject() throws IOException {
        for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
            FileSystemUtils.copyRecursively(Path.of(folder), home.resolve(folder));
        }
        // the environment as Spring Boot has prepared it by then: config/ read for the active profile
        environment.setActiveProfiles("sandbox");
        readConfig();
        environment.setProperty("ferry.home", home.toString());
    }

    private void readConfig() throws IOException {
        for (String file : List.of("application-sandbox.yaml", "application.yaml")) {
            environment.getPropertySources().remove(file);
            new YamlPropertySourceLoader().load(file, new FileSystemResource(home.resolve("config").resolve(file)))
                    .forEach(environment.getPropertySources()::addLast);
        }
    }

    @Test
    void aSettingNothingReadsInAConfigFileStopsTheStart() throws IOException {
        // ferry.fulfilment.consumers would silently stay 4: the typo loses the setting
        Path config = home.resolve("config/application-sandbox.yaml");
        String shipped = Files.readString(config);
        assertThat(shipped).contains("\n  fulfilment:\n");
        String typo = shipped.replace("\n  fulfilment:\n", "\n  fulfilment:\n    consumer: 8\n");
        Files.writeString(config, typo);
        readConfig();

        start();

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(stops).hasValue(1);
        int line = typo.substring(0, typo.indexOf("    consumer: 8")).split("\n", -1).length;
        assertThat(lines.get(0)).isEqualTo("config/application-sandbox.yaml:" + line
                + ":5: unknown setting ferry.fulfilment.consumer; did you mean ferry.fulfilment.consumers?");
    }

    @Test
    void anEnvironmentVariableNothingReadsIsNotCheckedAtStart() {
        // FERRY_... may be meant for another tool (a start script, a sidecar): only files are Ferry's alone
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.<String, Object>of("FERRY_BACKUP_BUCKET", "s3://backups")));

        start();

        assertThat(stops).hasValue(0);
    }

    @Test
    void aHomeWithAMistakeStopsTheStartWithOneLinePerMistakeAndASummary() throws IOException {
        Path mapping = home.resolve("connectors/erp/create-sales-order.jsonata");
        Files.writeString(mapping, Files.readString(mapping).replace("\"reference\": orderId,", "\"reference\": orderId,,"));

        start();

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(stops).hasValue(1);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("connectors/erp/create-sales-order.jsonata:4:25: the JSONata mapping does"
                + " not parse: ");
        assertThat(lines.get(1)).isEqualTo("Ferry cannot start: 1 mistake in the files of " + home
                + " (the check of `java -jar ferry.jar validate`; docs/routes.md)");
    }

    @Test
    void aHomeWithoutMistakesStartsAndSaysNothing() {
        start();

        assertThat(stops).hasValue(0);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aValueFromASourceOtherThanConfigFilesCounts() throws IOException {
        Path route = home.resolve("routes/order-fulfilment.yaml");
        Files.writeString(route, Files.readString(route).replace("{{ferry.fulfilment.consumers}}",
                "{{ferry.fulfilment.order-consumers}}"));
        start();
        assertThat(stops).as("no value anywhere").hasValue(1);
        // as --ferry.fulfilment.order-consumers=4 on the command line, or SPRING_APPLICATION_JSON, would set it
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("ferry.fulfilment.order-consumers", "4")));

        start();

        assertThat(stops).as("set on the command line").hasValue(1);
    }

    @Test
    void aBeanIsLeftToSpringWhichKnowsEveryBean() throws IOException {
        // a bean an auto-configuration defines is no component of Ferry's: validate would ask, a start must not
        Path route = home.resolve("routes/order-fulfilment.yaml");
        Files.writeString(route, Files.readString(route).replace("ref: orderRules", "ref: jacksonObjectMapper"));

        start();

        assertThat(stops).hasValue(0);
    }

    @Test
    void aBotNameIsLeftToSpringWhichKnowsEveryJavaBot() throws IOException {
        // a Java bot may be a bean no scan of Ferry's components sees (an @Bean of a configuration)
        Path route = home.resolve("routes/tracking-sync.yaml");
        Files.writeString(route, Files.readString(route).replace("rpa:shipment-statuses", "rpa:status-reader"));

        start();

        assertThat(stops).hasValue(0);
    }

    @Test
    void theCheckCanBeTurnedOff() throws IOException {
        Files.writeString(home.resolve("routes/broken.yaml"), "- route:\n    from:\n      uri: direct:x\n     steps: []\n");
        start();
        assertThat(stops).as("checked").hasValue(1);
        environment.setProperty("ferry.validate-at-start", "false");

        start();

        assertThat(stops).as("not checked").hasValue(1);
    }

    private void start() {
        new ValidationAtStart(new PrintStream(err, true, StandardCharsets.UTF_8), stops::incrementAndGet)
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                        new SpringApplication(), new String[0], environment));
    }
}
