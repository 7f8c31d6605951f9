package dev.ferry.rpa;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A program the bots take from the machine rather than from Ferry's jar: the configured path, else its usual
 * place on Debian, else one of its names on the PATH. {@code missing} says how to get it. Public for the browser
 * tests, which find the same programs the same way.
 */
public record SystemProgram(String missing, Path usual, List<String> names) {

    public static final SystemProgram CHROMIUM = new SystemProgram(
            "No Chromium found: install it (apt-get install -y chromium) or set ferry.rpa.chromium",
            Path.of("/usr/bin/chromium"), List.of("chromium", "chromium-browser", "google-chrome"));

    // Playwright's Java driver is a Node.js program; the jar carries its scripts but no Node binary
    public static final SystemProgram NODE = new SystemProgram(
            "No Node.js found for Playwright's driver: install Node.js 18 or later (apt-get install -y nodejs)"
                    + " or set ferry.rpa.node",
            Path.of("/usr/bin/node"), List.of("node", "nodejs"));

    /** A configured path must itself be executable: a wrong setting is not papered over by another find. */
    public Optional<Path> find(String configured, String pathVariable) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        for (String name : names) {
            for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }
}
