package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated system keeps across restarts: a file of JSON lines under {@code ferry.sandbox.state-dir}, only
 * ever appended to, one line per record, written with one call before the record is answered. A crash (even
 * {@code kill -9}) can cut short only the line being written; {@link #load} drops that line and cuts it off the
 * file, so the next line starts on a line of its own. Lines are not forced to the disk one by one (that would cost
 * a benchmark most of its speed): a power cut may lose the last few, as it may in a simulator. Without a directory
 * (tests, mostly) nothing is kept.
 */
public final class StateFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StateFile NONE = new StateFile(null);

    private final Path path;
    private FileChannel channel;

    private StateFile(Path path) {
        this.path = path;
    }

    /** {@code <dir>/<name>}, or a file that keeps nothing when {@code dir} is null. */
    public static StateFile in(Path dir, String name) {
        return dir == null ? NONE : new StateFile(dir.resolve(name));
    }

    public static StateFile none() {
        return NONE;
    }

    /** The lines kept so far, oldest first; a line cut short by a crash is dropped, from the file too. */
    public synchronized List<JsonNode> load() {
        if (path == null || !Files.exists(path)) {
            return List.of();
        }
        List<JsonNode> lines = new ArrayList<>();
        try {
            cutTornLine();
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        lines.add(parse(line, number));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox cannot read its state from " + path, e);
        }
        return lines;
    }

    /** Adds a line; it is in the file (the operating system's) when this returns. */
    public synchronized void append(JsonNode line) {
        if (path == null) {
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            FileChannel open = channel();
            while (bytes.hasRemaining()) {
                open.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox cannot keep its state in " + path, e);
        }
    }

    /** Forgets every line. */
    public synchronized void clear() {
        if (path == null) {
            return;
        }
        try {
            channel().truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox cannot clear its state in " + path, e);
        }
    }

    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing is buffered here: every line was written when it was appended
            }
            channel = null;
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }
        return channel;
    }

    /** Cuts the file after its last newline: what follows it is a line a crash interrupted. */
    private void cutTornLine() throws IOException {
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = file.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                file.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < file.size()) {
                file.truncate(end);
            }
        }
    }

    private JsonNode parse(String line, int number) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            // a whole line that is not JSON was not written by the sandbox: say where rather than forget records
            throw new IllegalStateException("Line " + number + " of the sandbox state " + path + " is not JSON;"
                    + " move the file away (the sandbox then starts empty): " + e.getOriginalMessage(), e);
        }
    }
}
