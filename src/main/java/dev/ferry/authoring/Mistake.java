package dev.ferry.authoring;

/**
 * One mistake in a file an engineer edits, where an editor or a terminal can jump to it:
 * {@code routes/order-steps.yaml:12:9: message}. Line and column count from 1.
 */
public record Mistake(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
