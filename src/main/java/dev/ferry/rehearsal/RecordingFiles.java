package dev.ferry.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** Route tests on disk: each a {@link Recording} as YAML, with a comment on top saying what it is. */
final class RecordingFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // "12.50" stays a string: unquoted it would read back as a number, and intake would refuse it
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private RecordingFiles() {
    }

    /** Every recording in these files and folders (the *.yaml files of a folder, in name order). */
    static List<Recording> read(List<Path> places) {
        List<Recording> recordings = new ArrayList<>();
        for (Path place : places) {
            for (Path file : files(place)) {
                recordings.add(read(file));
            }
        }
        return recordings;
    }

    /**
     * Read with the YAML 1.2 parser Camel reads routes with: to Jackson's (YAML 1.1) an engineer's {@code country: NO}
     * in an edited route test would be the boolean false.
     */
    static Recording read(Path file) {
        Object tree;
        try {
            tree = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(Files.readString(file));
        } catch (MarkedYamlEngineException e) {
            String place = e.getProblemMark().map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    .orElse(file.toString());
            throw new BadFile(place + ": not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new BadFile(file + ": cannot be read: " + e.getMessage());
        }
        Recording recording;
        try {
            recording = YAML.convertValue(tree, Recording.class);
        } catch (IllegalArgumentException e) {
            throw new BadFile(file + ": not a route test: " + (e.getCause() instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage()));
        }
        if (recording == null || recording.payload() == null || recording.expect() == null) {
            throw new BadFile(file + ": a route test needs a payload: and an expect: (made by ferry route-test)");
        }
        return recording;
    }

    static void write(Path file, Recording recording, String header) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, header + YAML.writeValueAsString(recording));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path place) {
        if (!Files.exists(place)) {
            throw new BadFile(place + ": no such file or folder");
        }
        if (!Files.isDirectory(place)) {
            return List.of(place);
        }
        try (Stream<Path> inside = Files.list(place)) {
            return inside.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A route test file that cannot be read as one: the message names the file (and line and column). */
    static final class BadFile extends RuntimeException {
        BadFile(String message) {
            super(message);
        }
    }
}
