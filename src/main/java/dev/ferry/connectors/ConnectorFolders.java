package dev.ferry.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every folder of connectors/ is a place Camel looks for Kamelets: adding a system is adding its folder,
 * not also a line in config/. A {@code camel.component.kamelet.location} set anywhere still wins.
 */
public final class ConnectorFolders implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "camel.component.kamelet.location";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String home = environment.getProperty("ferry.home");
        if (home == null || environment.containsProperty(LOCATION)) {
            return;
        }
        String folders = locations(Path.of(home).resolve("connectors"));
        if (!folders.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("ferryConnectorFolders",
                    Map.of(LOCATION, folders)));
        }
    }

    /** {@code file:<folder>} for each folder of connectors/, in name order, comma-separated as Camel reads it. */
    static String locations(Path connectors) {
        if (!Files.isDirectory(connectors)) {
            return "";
        }
        try (Stream<Path> folders = Files.list(connectors)) {
            return folders.filter(Files::isDirectory).sorted()
                    .map(folder -> "file:" + folder.toAbsolutePath().normalize())
                    .collect(Collectors.joining(","));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the connector folders in " + connectors, e);
        }
    }

    // after config/ is read (Boot's config data), so that ferry.home and an explicit location are known
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
