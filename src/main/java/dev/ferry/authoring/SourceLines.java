package dev.ferry.authoring;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of the routes and Kamelets read, by the name a mistake shows (relative to the home), to find where
 * a text Camel's model holds was written: Camel knows a node's line, not the column of its parts.
 */
final class SourceLines {

    private final Path home;
    private final Map<String, List<String>> lines = new HashMap<>();

    SourceLines(Path home) {
        this.home = home;
    }

    void put(String shown, List<String> fileLines) {
        lines.put(shown, fileLines);
    }

    List<String> of(String shown) {
        return lines.getOrDefault(shown, List.of());
    }

    /**
     * Where a text was written: the node's line, and the column at which the text starts on that line or the
     * next lines (a value may be on the line after its key); empty for a node Camel gave no place.
     */
    List<Place> at(String location, int line, String text) {
        if (location == null || line <= 0) {
            return List.of();
        }
        String file = home.relativize(Path.of(location.replaceFirst("^file:", ""))).toString();
        List<String> fileLines = of(file);
        String start = text.lines().findFirst().orElse("").strip();
        int cut = start.indexOf('?');
        String needle = cut > 0 ? start.substring(0, cut) : start;
        for (int i = line - 1; i < Math.min(fileLines.size(), line + 4) && !needle.isEmpty(); i++) {
            int column = fileLines.get(i).indexOf(needle);
            if (column >= 0) {
                return List.of(new Place(file, i + 1, column + 1));
            }
        }
        return List.of(new Place(file, line, firstNonBlank(fileLines, line)));
    }

    /** Where a text is written at or after a place: the place's line from its column, then the lines below. */
    Place find(Place from, String text) {
        List<String> fileLines = of(from.file());
        for (int i = from.line() - 1; i < Math.min(fileLines.size(), from.line() + 30); i++) {
            int startAt = i == from.line() - 1 ? Math.max(0, from.column() - 1) : 0;
            int column = fileLines.get(i).indexOf(text, startAt);
            if (column >= 0) {
                return new Place(from.file(), i + 1, column + 1);
            }
        }
        return from;
    }

    /** The column of a text on a line, or the fallback. */
    int columnOf(String file, int line, String text, int fallback) {
        List<String> fileLines = of(file);
        int column = line <= fileLines.size() ? fileLines.get(line - 1).indexOf(text) : -1;
        return column >= 0 ? column + 1 : fallback;
    }

    private static int firstNonBlank(List<String> fileLines, int line) {
        if (line > fileLines.size()) {
            return 1;
        }
        String text = fileLines.get(line - 1);
        return text.length() - text.stripLeading().length() + 1;
    }
}
