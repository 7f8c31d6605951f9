package dev.ferry.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings under {@code ferry.} that something reads: Ferry's code, as its configuration metadata says
 * (the processor writes it for the @ConfigurationProperties records; the keys read with @Value, the Environment
 * or a Binder are listed in additional-spring-configuration-metadata.json), and the {@code {{ferry...}}} and
 * {@code ${ferry...}} placeholders of routes/, connectors/ and config/. A map or a list of objects
 * (ferry.connectors, ferry.rpa.secrets, ferry.security.users ...) takes any key below it.
 */
final class SettingsRead {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("(?:\\{\\{|\\$\\{)(ferry\\.[A-Za-z0-9_.\\-\\[\\]]+)");
    // a value of these types is one setting; any other type (a map, a list, a record without metadata of its
    // own) holds settings of its own below its name
    private static final List<String> ONE_VALUE = List.of("java.lang.", "java.time.", "java.math.",
            "org.springframework.util.unit.", "java.nio.");

    private final Set<String> names = new TreeSet<>();
    private final Set<String> normalized = new TreeSet<>();
    private final Set<String> holders = new TreeSet<>();

    /** {@code folders}: routes/, connectors/ and config/ of the home, whose placeholders read settings. */
    SettingsRead(List<Path> folders) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String file : List.of("spring-configuration-metadata.json",
                    "additional-spring-configuration-metadata.json")) {
                for (Resource metadata : resolver.getResources("classpath*:META-INF/" + file)) {
                    read(metadata);
                }
            }
            for (Path folder : folders) {
                placeholders(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration metadata on the class path", e);
        }
    }

    boolean reads(String key) {
        String name = normalize(key);
        if (normalized.contains(name)) {
            return true;
        }
        return holders.stream().anyMatch(holder -> name.equals(holder) || name.startsWith(holder + "."));
    }

    /** The settings read, by their names, for "did you mean". */
    Set<String> names() {
        return names;
    }

    private void read(Resource metadata) throws IOException {
        try (InputStream in = metadata.getInputStream()) {
            for (JsonNode property : JSON.readTree(in).path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith("ferry.")) {
                    add(name, property.path("type").asText("java.lang.String"));
                }
            }
        }
    }

    private void add(String name, String type) {
        names.add(name);
        normalized.add(normalize(name));
        if (ONE_VALUE.stream().noneMatch(type::startsWith) || type.startsWith("java.lang.Object")) {
            holders.add(normalize(name));
        }
    }

    private void placeholders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (var walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".yaml")).toList();
        }
        for (Path file : files) {
            Matcher placeholder = PLACEHOLDER.matcher(Files.readString(file));
            while (placeholder.find()) {
                String name = placeholder.group(1).replaceAll("\\[.*$", "").replaceAll("\\.$", "");
                if (!names.contains(name)) {
                    add(name, "java.lang.String");
                }
            }
        }
    }

    /** As Spring binds: kebab-case, camelCase and snake_case name the same setting. */
    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
