package dev.ferry.rpa;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import io.opentelemetry.context.Context;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that owns one Playwright and one headless Chromium for its lifetime (Playwright objects
 * must stay on the thread that made them). The browser is launched on the first run, and again when it
 * died; with {@code reuse} off it is closed after every run.
 */
final class BrowserWorker {

    private static final Logger log = LoggerFactory.getLogger(BrowserWorker.class);

    // a container has no sandbox, /dev/shm is small, and a bot's browser must not phone home
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private final ExecutorService thread;
    private final String chromium;
    private final String node;
    private final boolean reuse;
    private final LongConsumer launched;
    private Playwright playwright;
    private Browser browser;
    private volatile boolean running;
    private volatile int leftOpen;

    /**
     * {@code chromium} and {@code node}: configured paths, or null to find them ({@link SystemProgram});
     * {@code launched} hears how long each browser start took, in nanoseconds.
     */
    BrowserWorker(int number, String chromium, String node, boolean reuse, LongConsumer launched) {
        this.chromium = chromium;
        this.node = node;
        this.reuse = reuse;
        this.launched = launched;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "ferry-rpa-worker-" + number);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the job on this worker's thread with its browser, and waits for it. */
    <T> T run(String bot, Function<Browser, T> job) {
        try {
            // the caller's trace goes with the job, so the worker's log lines carry its trace id
            return thread.submit(Context.current().wrap(() -> {
                try {
                    return job.apply(browser(bot));
                } finally {
                    afterRun();
                }
            })).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotRunException(BotFailure.TIMEOUT, bot, "The bot run " + bot + " was interrupted.",
                    "interrupted while waiting for the browser worker");
        }
    }

    /** Whether this worker's browser is up now. */
    boolean running() {
        return running;
    }

    /** Browser contexts a run left open (closed by the worker since); 0 when every run cleaned up. */
    int leftOpen() {
        return leftOpen;
    }

    private void afterRun() {
        if (browser == null) {
            return;
        }
        // a run closes its own context; one still open here is a leak the worker closes rather than keeps
        List<BrowserContext> open = browser.isConnected() ? browser.contexts() : List.of();
        if (!open.isEmpty()) {
            leftOpen += open.size();
            log.warn("A bot run left {} browser context(s) open; closing them", open.size());
            open.forEach(context -> {
                try {
                    context.close();
                } catch (RuntimeException ignored) {
                    // closing is all that is asked
                }
            });
        }
        if (!reuse) {
            closeBrowser();
        }
    }

    private Browser browser(String bot) {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        closeBrowser();
        Path executable = required(SystemProgram.CHROMIUM, chromium, bot);
        Path nodeJs = required(SystemProgram.NODE, node, bot);
        long started = System.nanoTime();
        Map<String, String> env = new HashMap<>(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                "PLAYWRIGHT_NODEJS_PATH", nodeJs.toString()));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(ARGS));
        running = true;
        launched.accept(System.nanoTime() - started);
        return browser;
    }

    private static Path required(SystemProgram program, String configured, String bot) {
        return program.find(configured, System.getenv("PATH")).orElseThrow(() ->
                new BotRunException(BotFailure.BOT_ERROR, bot, program.missing() + ".", program.missing()));
    }

    private void closeBrowser() {
        running = false;
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
