package dev.ferry.authoring;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A JSONata mapping of connectors/ compiled as the jsonata step compiles it, before any order needs it. */
final class MappingCheck {

    private MappingCheck() {
    }

    static Optional<Mistake> check(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            Jsonata.jsonata(text);
            return Optional.empty();
        } catch (JException e) {
            int[] place = lineAndColumn(text, e.getLocation());
            return Optional.of(new Mistake(shown, place[0], place[1], "the JSONata mapping does not parse: "
                    + e.getMessage()));
        }
    }

    /** The line and column (from 1) of a character offset. */
    static int[] lineAndColumn(String text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        List<String> before = text.substring(0, at).lines().toList();
        boolean atLineStart = at == 0 || text.charAt(at - 1) == '\n';
        int line = Math.max(1, before.size() + (atLineStart && at > 0 ? 1 : 0));
        int column = atLineStart ? 1 : before.get(before.size() - 1).length() + 1;
        return new int[] {line, column};
    }
}
