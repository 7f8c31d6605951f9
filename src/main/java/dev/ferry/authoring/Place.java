package dev.ferry.authoring;

/** Where something is written in a file: line and column from 1. */
record Place(String file, int line, int column) {

    Mistake mistake(String message) {
        return new Mistake(file, line, column, message);
    }

    /** The same line, {@code offset} characters further (a part of the text that starts here). */
    Place plus(int offset) {
        return new Place(file, line, column + offset);
    }
}
