package dev.ferry.devmode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What routes/ holds, item by item (a route, a route configuration), as YAML trees: comparing two readings tells
 * which routes a change touched, so a reload re-creates those and leaves every other route, and its timer or
 * schedule, alone. Comments and layout are not part of a tree, so editing them changes nothing.
 */
final class RouteFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One top-level item of a routes file: {@code kind} is its key (route, routeConfiguration, beans ...). */
    record Item(String file, String kind, String id, JsonNode tree) {

        String key() {
            return kind + ":" + id;
        }

        boolean uses(String scheme, String name) {
            return Pattern.compile("\"" + scheme + ":(//)?" + Pattern.quote(name) + "([?\"]|$)").matcher(tree.toString())
                    .find();
        }

        String routeConfigurationId() {
            return tree.path("routeConfigurationId").asText(null);
        }
    }

    private RouteFiles() {
    }

    /** Every item of routes/*.yaml by {@link Item#key()}; a file that does not parse is left out. */
    static Map<String, Item> read(Path home) {
        Map<String, Item> items = new LinkedHashMap<>();
        Path folder = home.resolve("routes");
        if (!Files.isDirectory(folder)) {
            return items;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                read(file, "routes/" + file.getFileName(), items);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return items;
    }

    private static void read(Path file, String shown, Map<String, Item> items) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException unreadable) {
            return; // the check before a reload reports it, with its line and column
        }
        if (root == null || !root.isArray()) {
            return;
        }
        int index = 0;
        for (JsonNode element : root) {
            index++;
            if (!element.isObject() || element.size() != 1) {
                continue;
            }
            String kind = element.fieldNames().next();
            JsonNode tree = element.get(kind);
            String id = tree.path("id").asText("");
            // an item without an id has a name Camel makes up: it is known by its place in its file
            items.put(kind + ":" + (id.isEmpty() ? shown + "#" + index : id),
                    new Item(shown, kind, id.isEmpty() ? shown + "#" + index : id, tree));
        }
    }
}
