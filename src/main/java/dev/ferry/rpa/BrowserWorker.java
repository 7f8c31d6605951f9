package dev.ferry.rpa;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One thread that owns one Playwright and one headless Chromium for its lifetime (Playwright objects
 * must stay on the thread that made them). The browser is launched on the first run.
 */
final class BrowserWorker {

    // a container has no sandbox, /dev/shm is small, and a bot's browser must not phone home
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");
    private static final Path NODE = Path.of("/usr/bin/node");

    private final ExecutorService thread;
    private final String chromium;
    private Playwright playwright;
    private Browser browser;

    BrowserWorker(int number, String chromium) {
        this.chromium = chromium;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "ferry-rpa-worker-" + number);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the job on this worker's thread with its browser, and waits for it. */
    <T> T run(String bot, Function<Browser, T> job) {
        try {
            return thread.submit(() -> job.apply(browser(bot))).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotRunException(BotFailure.TIMEOUT, bot, "The bot run " + bot + " was interrupted.",
                    "interrupted while waiting for the browser worker", null);
        }
    }

    private Browser browser(String bot) {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        closeBrowser();
        Path executable = ChromiumFinder.find(chromium, System.getenv("PATH")).orElseThrow(() ->
                new BotRunException(BotFailure.BOT_ERROR, bot, ChromiumFinder.MISSING + ".", ChromiumFinder.MISSING, null));
        Map<String, String> env = new HashMap<>(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        if (Files.isExecutable(NODE)) {
            env.put("PLAYWRIGHT_NODEJS_PATH", NODE.toString());
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(ARGS));
        return browser;
    }

    private void closeBrowser() {
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (RuntimeException ignored) {
            // gone already
        } finally {
            browser = null;
        }
        try {
            if (playwright != null) {
                playwright.close();
            }
        } catch (RuntimeException ignored) {
            // gone already
        } finally {
            playwright = null;
        }
    }

    /** Closes the browser on its own thread, then stops the thread. */
    void close() {
        try {
            thread.submit(this::closeBrowser).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the thread is stuck or already stopped; shutting it down is all that is left
        }
        thread.shutdownNow();
    }
}
