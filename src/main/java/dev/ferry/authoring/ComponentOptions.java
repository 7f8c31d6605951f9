package dev.ferry.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CatalogCamelContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Camel components in Ferry's jar and the endpoint options each one knows, read from the metadata every
 * component ships ({@code META-INF/org/apache/camel/component/<name>/<scheme>.json}): the same options Camel
 * sets when it builds the endpoint.
 */
final class ComponentOptions {

    /**
     * The options of one scheme's endpoints; {@code prefixes} start options that take any name ({@code job.x} on
     * quartz); {@code componentOptions} are set once for the component, in config/ (http's timeouts).
     */
    record Known(String scheme, Set<String> options, List<String> prefixes, boolean lenient,
            Set<String> componentOptions) {

        boolean knows(String option) {
            return options.contains(option) || prefixes.stream().anyMatch(option::startsWith);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogCamelContext camel;
    private final Set<String> schemes;
    private final Map<String, Optional<Known>> cache = new HashMap<>();

    ComponentOptions(CatalogCamelContext camel, Set<String> ferrySchemes) {
        this.camel = camel;
        Set<String> found = new TreeSet<>(ferrySchemes);
        try {
            for (Resource service : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/services/org/apache/camel/component/*")) {
                found.add(service.getFilename());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the Camel components on the class path", e);
        }
        this.schemes = Set.copyOf(found);
    }

    Set<String> schemes() {
        return schemes;
    }

    /** What the scheme's component says of its options, or empty for a scheme without metadata (Ferry's own). */
    Optional<Known> of(String scheme) {
        return cache.computeIfAbsent(scheme, this::read);
    }

    private Optional<Known> read(String scheme) {
        String json;
        try {
            json = camel.getComponentParameterJsonSchema(scheme);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(json);
            Set<String> options = new TreeSet<>();
            List<String> prefixes = new ArrayList<>();
            root.path("properties").fields().forEachRemaining(option -> {
                options.add(option.getKey());
                if (option.getValue().path("multiValue").asBoolean() && option.getValue().hasNonNull("prefix")) {
                    prefixes.add(option.getValue().get("prefix").asText());
                }
            });
            Set<String> componentOptions = new TreeSet<>();
            root.path("componentProperties").fieldNames().forEachRemaining(componentOptions::add);
            return Optional.of(new Known(scheme, options, prefixes,
                    root.path("component").path("lenientProperties").asBoolean(), componentOptions));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the options of the Camel component " + scheme, e);
        }
    }
}
