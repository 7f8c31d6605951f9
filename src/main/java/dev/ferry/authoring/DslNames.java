package dev.ferry.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names Camel's YAML DSL knows, from the JSON schema camel-yaml-dsl ships with the parser Ferry runs: the
 * steps a route may hold and every key any step or endpoint takes. Only for "did you mean": the parser itself
 * decides what is wrong.
 */
final class DslNames {

    private static final String SCHEMA = "schema/camelYamlDsl.json";

    private final Set<String> steps = new TreeSet<>();
    private final Set<String> keys = new TreeSet<>();

    DslNames() {
        try (InputStream in = DslNames.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                return; // no suggestions, the checks still run
            }
            JsonNode items = new ObjectMapper().readTree(in).path("items");
            items.path("properties").fieldNames().forEachRemaining(steps::add);
            JsonNode definitions = items.path("definitions");
            definitions.path("org.apache.camel.model.ProcessorDefinition").path("properties").fieldNames()
                    .forEachRemaining(steps::add);
            definitions.forEach(definition -> definition.path("properties").fieldNames().forEachRemaining(keys::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCHEMA + " from camel-yaml-dsl", e);
        }
    }

    /** Top-level entries (route, from, beans ...) and the steps of a route (to, setBody, choice ...). */
    Set<String> steps() {
        return steps;
    }

    Set<String> keys() {
        return keys;
    }
}
