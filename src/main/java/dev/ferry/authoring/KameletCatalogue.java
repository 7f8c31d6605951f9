package dev.ferry.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Kamelets of connectors/: each one's name, the properties it takes and those a caller must give. */
final class KameletCatalogue {

    /** {@code defaults}: the properties that have a default value, which a caller may leave out. */
    record Kamelet(String name, String file, Set<String> properties, Set<String> required,
            Map<String, String> defaults) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Kamelet> byName = new LinkedHashMap<>();

    /** Files that do not parse are left out here: the route check reports them with their line. */
    KameletCatalogue(Path home, List<Path> files) {
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.kamelet\\.yaml$", "");
            try {
                JsonNode definition = YAML.readTree(file.toFile()).path("spec").path("definition");
                Set<String> properties = new TreeSet<>();
                Map<String, String> defaults = new LinkedHashMap<>();
                definition.path("properties").fields().forEachRemaining(property -> {
                    properties.add(property.getKey());
                    if (property.getValue().has("default")) {
                        defaults.put(property.getKey(), property.getValue().get("default").asText());
                    }
                });
                Set<String> required = new TreeSet<>();
                definition.path("required").forEach(property -> required.add(property.asText()));
                byName.put(name, new Kamelet(name, home.relativize(file).toString(), properties, required, defaults));
            } catch (IOException | RuntimeException unreadable) {
                // reported by the route check, with its line and column
            }
        }
    }

    Kamelet get(String name) {
        return byName.get(name);
    }

    List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
