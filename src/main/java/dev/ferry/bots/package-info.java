/**
 * Bots written in Java ({@link dev.ferry.rpa.JavaBot}) for screens too involved for a YAML bot file, one
 * package per legacy system, each screen a page object. They run through {@code rpa:<name>} like the
 * bots in {@code rpa-bots/}.
 */
package dev.ferry.bots;
