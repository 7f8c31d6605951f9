package dev.ferry;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser of the browser ITs: Debian's headless Chromium, never one Playwright downloads. Where
 * none is installed the tests are skipped on a workstation and fail on CI, which must have one.
 */
public final class Chromium {

    private static final String MISSING = "Chromium not found: install it with apt-get install -y chromium";

    // a container has no sandbox, /dev/shm is small, and a test browser must not phone home
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private Chromium() {
    }

    /** Call before Playwright.create(), so a machine without Chromium does not start the driver for nothing. */
    public static Path executable() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                Assertions.fail(MISSING);
            }
            Assumptions.abort(MISSING);
        }
        return found.get();
    }

    static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    private static Optional<Path> find() {
        String configured = System.getenv("FERRY_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
