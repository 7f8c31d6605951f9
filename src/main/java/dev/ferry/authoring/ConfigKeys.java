package dev.ferry.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The keys that have a value. For {@code ferry validate}: those config/ sets for the profiles in use
 * (application.yaml, then application-{profile}.yaml), and those the environment sets the way Spring reads it
 * (FERRY_CONNECTORS_ERP_BASE_URL for ferry.connectors.erp.base-url). At start: Spring's own environment, which
 * knows every source (command line, SPRING_APPLICATION_JSON, config trees ...), so a start is never refused
 * for a value that a source the files do not show provides.
 */
final class ConfigKeys {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Set<String> keys = new TreeSet<>();
    private final Predicate<String> elsewhere;
    private final List<String> profiles;
    private final Set<Path> files = new LinkedHashSet<>();

    ConfigKeys(Path config, List<String> profiles, Map<String, String> environment) {
        this.elsewhere = key -> environment.containsKey(key.toUpperCase(Locale.ROOT).replace('.', '_')
                .replace("-", ""));
        this.profiles = List.copyOf(profiles);
        read(config.resolve("application.yaml"));
        profiles.forEach(profile -> read(config.resolve("application-" + profile + ".yaml")));
    }

    /** Spring's environment at start; its enumerable sources' names give the hints. */
    ConfigKeys(ConfigurableEnvironment environment) {
        this.elsewhere = environment::containsProperty;
        this.profiles = List.of(environment.getActiveProfiles());
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                keys.addAll(List.of(enumerable.getPropertyNames()));
                fileOf(enumerable).ifPresent(files::add);
            }
        }
    }

    /** The config files these keys come from (not the environment's variables: they may be another tool's). */
    List<Path> files() {
        return List.copyOf(files);
    }

    // the file Spring read a source from, as its values' origins say (a config file of any location)
    private static Optional<Path> fileOf(EnumerablePropertySource<?> source) {
        if (!(source instanceof OriginLookup<?>)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        OriginLookup<String> origins = (OriginLookup<String>) source;
        for (String name : source.getPropertyNames()) {
            if (origins.getOrigin(name) instanceof TextResourceOrigin text && text.getResource() != null
                    && text.getResource().isFile()) {
                try {
                    return Optional.of(text.getResource().getFile().toPath().toAbsolutePath().normalize());
                } catch (IOException notAFile) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    boolean has(String key) {
        return keys.contains(key) || elsewhere.test(key);
    }

    Set<String> keys() {
        return keys;
    }

    List<String> profiles() {
        return profiles;
    }

    private void read(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        files.add(file.toAbsolutePath().normalize());
        try {
            flatten("", YAML.readTree(file.toFile()));
        } catch (IOException | RuntimeException unreadable) {
            // Spring reports a broken config file at start; validate checks routes, connectors and bots
        }
    }

    private void flatten(String prefix, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix.isEmpty() ? field.getKey()
                    : prefix + "." + field.getKey(), field.getValue()));
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }
}
