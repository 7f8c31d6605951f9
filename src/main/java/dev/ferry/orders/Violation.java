package dev.ferry.orders;

/** One thing wrong with an input, located by a JSON pointer ("" is the whole document). */
public record Violation(String pointer, String message) {
}
