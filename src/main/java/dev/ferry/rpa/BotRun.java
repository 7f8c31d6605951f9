package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Tracing;
import dev.ferry.tracing.OrderTraces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One run of one bot, on a worker's thread, in a fresh browser context that is always closed. A failed
 * run keeps a screenshot, the page HTML and a Playwright trace, with every secret masked ({@link Masker}, which
 * leaves the run's input as it is); what still holds a secret after masking is left out, and the failure says so.
 * What is logged on the worker's thread during the run is masked too ({@link BotRunLogs}).
 */
final class BotRun {

    private final Bot bot;
    private final String baseUrl;
    private final String label;
    private final JsonNode input;
    private final Masker masker;
    private final Duration stepTimeout;
    private final Duration runTimeout;
    private final boolean trace;
    private final Path evidence;
    private final BooleanSupplier holdsSlot;
    private final String traceparent;
    private final Phases phases = new Phases();
    private BotSession session;

    /** How long the parts of the run took, in nanoseconds, for the {@code ferry.bot.phase} timer. */
    static final class Phases {
        long context;
        long work;
        long evidence;
        long close;
    }

    /** {@code label} names the system for people ("the Nordic Freight portal"). */
    BotRun(Bot bot, String baseUrl, String label, JsonNode input, Secrets secrets, Duration stepTimeout,
            Duration runTimeout, boolean trace, Path evidence) {
        this(bot, baseUrl, label, input, secrets, stepTimeout, runTimeout, trace, evidence, () -> true, null);
    }

    /**
     * {@code holdsSlot} says whether the run still holds its slot of the system's limit; checked at each step.
     * {@code traceparent}, when tracing is on, goes with every request the browser makes to the system.
     */
    BotRun(Bot bot, String baseUrl, String label, JsonNode input, Secrets secrets, Duration stepTimeout,
            Duration runTimeout, boolean trace, Path evidence, BooleanSupplier holdsSlot, String traceparent) {
        this.traceparent = traceparent;
        this.bot = bot;
        this.baseUrl = baseUrl;
        this.label = label;
        this.input = input;
        this.masker = secrets.masker(input);
        this.stepTimeout = stepTimeout;
        this.runTimeout = runTimeout;
        this.trace = trace;
        this.evidence = evidence;
        this.holdsSlot = holdsSlot;
    }

    Phases phases() {
        return phases;
    }

    /** The steps of a bot file this run finished, with how long each took; empty before the run has a page. */
    List<BotSession.StepTime> stepTimes() {
        return session == null ? List.of() : session.stepTimes();
    }

    ObjectNode execute(Browser browser) {
        try (BotRunLogs.Scope masked = BotRunLogs.during(masker)) {
            return attempt(browser);
        }
    }

    private ObjectNode attempt(Browser browser) {
        long started = System.nanoTime();
        BrowserContext context = browser.newContext();
        if (traceparent != null) {
            context.setExtraHTTPHeaders(Map.of(OrderTraces.TRACEPARENT, traceparent));
        }
        boolean tracing = false;
        try {
            if (trace) {
                // DOM snapshots, no screencast: frames would show secrets typed into plain fields, unmasked
                context.tracing().start(new Tracing.StartOptions().setSnapshots(true).setScreenshots(false)
                        .setSources(false).setTitle(bot.name()));
                tracing = true;
            }
            Page page = context.newPage();
            session = new BotSession(bot, page, baseUrl, label, masker, stepTimeout, Instant.now().plus(runTimeout),
                    evidence, holdsSlot);
            phases.context = System.nanoTime() - started;
            long working = System.nanoTime();
            try {
                return bot.script().run(session, input);
            } finally {
                phases.work = System.nanoTime() - working;
            }
        } catch (BotRunException e) {
            tracing = false;
            throw withEvidence(context, trace, e);
        } catch (TimeoutError e) {
            tracing = false;
            throw withEvidence(context, trace, new BotRunException(BotFailure.TIMEOUT, bot.name(),
                    BotSession.capital(label) + " did not answer in time.", masker.mask(e.getMessage())));
        } catch (RuntimeException e) {
            // Playwright's errors, a bad value in the bot file, a Java bot's own: their messages may quote the page
            tracing = false;
            throw withEvidence(context, trace, new BotRunException(BotFailure.BOT_ERROR, bot.name(),
                    masker.mask("The bot " + bot.name() + " could not finish: " + BotSession.firstLine(e.getMessage())),
                    masker.mask(e.getMessage())));
        } finally {
            long closing = System.nanoTime();
            close(context, tracing);
            phases.close = System.nanoTime() - closing;
        }
    }

    private static void close(BrowserContext context, boolean tracing) {
        try {
            if (tracing) {
                context.tracing().stop();
            }
        } catch (PlaywrightException ignored) {
            // the trace of a successful run is thrown away anyway
        }
        try {
            context.close();
        } catch (PlaywrightException ignored) {
            // the browser went away with it; the worker relaunches it
        }
    }

    /**
     * Keeps a screenshot, the page HTML and the trace of the failure, secrets masked, before the context closes;
     * the failure names what was left out because a secret could not be masked in it.
     */
    private BotRunException withEvidence(BrowserContext context, boolean traced, BotRunException e) {
        long started = System.nanoTime();
        Page page = session == null ? null : session.page();
        List<String> leftOut = new ArrayList<>();
        try {
            Files.createDirectories(evidence);
            if (page != null && !page.isClosed()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(evidence.resolve("screenshot.png"))
                        .setFullPage(true).setMask(session.secretFields()).setTimeout(5000));
                String html = masker.mask(page.content());
                if (masker.holds(html)) {
                    leftOut.add("page.html");
                } else {
                    Files.writeString(evidence.resolve("page.html"), html);
                }
            }
            if (traced) {
                Path zip = evidence.resolve("trace.zip");
                context.tracing().stop(new Tracing.StopOptions().setPath(zip));
                try {
                    TraceMasking.mask(zip, masker).forEach(entry -> leftOut.add("trace.zip " + entry));
                } catch (IOException unreadable) {
                    leftOut.add("trace.zip");
                }
            }
        } catch (IOException | PlaywrightException failed) {
            // what could be kept is kept; the failure itself matters more
        } finally {
            phases.evidence = System.nanoTime() - started;
        }
        return leftOut.isEmpty() ? e : e.leftOut(leftOut);
    }
}
