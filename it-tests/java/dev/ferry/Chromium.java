package dev.ferry;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.ferry.rpa.SystemProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser of the browser ITs: Debian's headless Chromium, never one Playwright downloads, driven through the
 * machine's Node.js (Ferry's build has no Node binary of Playwright's). Where either is missing the tests are
 * skipped on a workstation and fail on CI, which must have both.
 */
public final class Chromium {

    private static final String MISSING = "Chromium not found: install it with apt-get install -y chromium";
    private static final String NO_NODE = "Node.js not found for Playwright's driver: install it with"
            + " apt-get install -y nodejs";
    // read by Playwright's driver when the environment has no PLAYWRIGHT_NODEJS_PATH
    private static final String NODE_PROPERTY = "playwright.nodejs.path";

    // a container has no sandbox, /dev/shm is small, and a test browser must not phone home
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private Chromium() {
    }

    /**
     * Call before Playwright.create(), so a machine without Chromium or Node.js does not start the driver for
     * nothing; it also points the driver at the Node.js found.
     */
    public static Path executable() {
        String path = System.getenv("PATH");
        Path node = required(SystemProgram.NODE.find(System.getenv("PLAYWRIGHT_NODEJS_PATH"), path), NO_NODE);
        if (System.getenv("PLAYWRIGHT_NODEJS_PATH") == null && System.getProperty(NODE_PROPERTY) == null) {
            System.setProperty(NODE_PROPERTY, node.toString());
        }
        return required(SystemProgram.CHROMIUM.find(System.getenv("FERRY_CHROMIUM"), path), MISSING);
    }

    private static Path required(Optional<Path> found, String missing) {
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        return found.get();
    }

    public static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(ARGS));
    }
}
