package dev.ferry.rpa;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the system Chromium: the configured path, else /usr/bin/chromium, else a known name on the PATH. */
final class ChromiumFinder {

    static final String MISSING = "No Chromium found: install it (apt-get install -y chromium) or set ferry.rpa.chromium";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private ChromiumFinder() {
    }

    static Optional<Path> find(String configured, String pathVariable) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        for (String name : NAMES) {
            for (String dir : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }
}
