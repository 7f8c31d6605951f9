package dev.ferry.rpa;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * What a bot works with during one run: a fresh page, the system's base URL, its declared secrets, and the
 * ways to say how the screen let it down. YAML bots and {@link JavaBot}s both run through it, so waiting,
 * timeouts, busy and session-expired pages and evidence work the same for both.
 */
public final class BotSession {

    static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");

    private final Bot bot;
    private final Page page;
    private final String baseUrl;
    private final String label;
    private final Masker masker;
    private final Duration stepTimeout;
    private final Instant deadline;
    private final Path evidence;
    private final BooleanSupplier holdsSlot;
    private final List<Locator> secretFields = new ArrayList<>();
    private final List<StepTime> stepTimes = new ArrayList<>();

    /** How long one finished step of a bot file took ({@code step}: goto, fill, ...), for {@code ferry.bot.steps}. */
    record StepTime(String step, long nanos) {
    }

    BotSession(Bot bot, Page page, String baseUrl, String label, Masker masker, Duration stepTimeout,
            Instant deadline, Path evidence, BooleanSupplier holdsSlot) {
        this.bot = bot;
        this.page = page;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.label = label;
        this.masker = masker;
        this.stepTimeout = stepTimeout;
        this.deadline = deadline;
        this.evidence = evidence;
        this.holdsSlot = holdsSlot;
        nextStep("start");
    }

    /** The page of this run, in a browser context of its own that is closed when the run ends. */
    public Page page() {
        return page;
    }

    /** Opens a page of the system, relative to its base URL, and checks it is not a busy or expired page. */
    public void open(String path) {
        nextStep("open " + path);
        page.navigate(baseUrl + (path.startsWith("/") ? path : "/" + path));
        checkSignals();
    }

    /** The value of a secret the bot declared; never log it, fill it with {@link #fillSecret}. */
    public String secret(String name) {
        if (!bot.secrets().contains(name)) {
            throw new IllegalArgumentException("the bot " + bot.name() + " uses the secret " + name
                    + " without declaring it");
        }
        return secrets().values().get(name);
    }

    /** Types a declared secret into the field; the field is masked in screenshots of this run. */
    public void fillSecret(Locator field, String secretName) {
        field.fill(secret(secretName));
        secretFields.add(field);
    }

    /**
     * Waits (up to the step timeout) until the element is visible and returns it. When it never comes, the
     * run fails {@code SCREEN_CHANGED} if the page had loaded ("no {@code what} on the page ..."), else
     * {@code TIMEOUT}; a busy or session-expired page fails the run with its own code.
     */
    public Locator await(Locator locator, String what) {
        nextStep(what);
        Locator first = locator.first();
        Locator either = first;
        for (String signal : bot.signals().texts()) {
            either = either.or(page.getByText(signal));
        }
        Locator messages = messagesWithText();
        try {
            if (messages != null) {
                // a screen that answers with its messages about the data will not show what the bot waits for:
                // say so as soon as they show, rather than hold the system's slot until the step timeout
                either.or(messages).first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
                checkSignals();
                if (first.count() == 0 && "complete".equals(page.evaluate("document.readyState"))) {
                    BotRunException refused = refused("waiting for " + what);
                    if (refused != null) {
                        throw refused;
                    }
                }
            }
            // at once when it is there already; else the page is still coming, or its message went away
            either.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        } catch (TimeoutError e) {
            checkSignals();
            BotRunException refused = refused("waiting for " + what);
            if (refused != null) {
                throw refused;
            }
            if ("complete".equals(page.evaluate("document.readyState"))) {
                throw screenChanged("no " + what, firstLine(e.getMessage()));
            }
            throw failure(BotFailure.TIMEOUT, capital(label) + " did not show the page in time (waiting for " + what
                    + ").", firstLine(e.getMessage()));
        }
        checkSignals();
        return first;
    }

    /**
     * A {@code DATA_REFUSED} failure quoting what the screen says about the data now, by the bot's
     * {@code validation:}, or null when it shows no such message (or the bot did not say where they appear).
     * {@code when} says, for the detail, what the bot was doing when it stopped.
     */
    BotRunException refused(String when) {
        List<Refusals.Message> messages;
        try {
            messages = messages();
        } catch (PlaywrightException e) {
            // the page went away or cannot be read: the failure as it was is still true
            return null;
        }
        if (messages.isEmpty()) {
            return null;
        }
        String shown = String.join("; ", messages.stream()
                .map(m -> (m.field() == null ? "" : m.field() + ": ") + m.text()).toList());
        return failure(BotFailure.DATA_REFUSED, Refusals.refused(label, messages),
                "the page '" + screen() + "' showed messages about the data (" + when + "): " + shown);
    }

    /**
     * The messages about the data the page shows now, where the bot's {@code validation:} says they appear: each
     * visible one with text, with the label and value of its field. No waiting: the page as it is.
     */
    List<Refusals.Message> messages() {
        Bot.Validation validation = bot.validation();
        if (validation == null || validation.messages() == null) {
            return List.of();
        }
        Object read = messagesWithText().evaluateAll(READ_MESSAGES, validation.field());
        List<Refusals.Message> messages = new ArrayList<>();
        if (read instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> m && m.get("text") instanceof String text) {
                    messages.add(new Refusals.Message((String) m.get("field"), (String) m.get("value"), text));
                }
            }
        }
        return messages;
    }

    /** Where the bot's {@code validation:} says the screen's messages appear, those with text; null: not said. */
    private Locator messagesWithText() {
        Bot.Validation validation = bot.validation();
        if (validation == null || validation.messages() == null) {
            return null;
        }
        return new Locators(page, text -> text).locator(validation.messages())
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("\\S")));
    }

    // the field of a message: the one whose aria-describedby (or aria-errormessage) names it, else the one field in
    // the message's nearest enclosing element that holds one (its table row, its form group); named by its label
    private static final String READ_MESSAGES = """
            (elements, how) => {
              const labelOf = f => {
                if (f.labels && f.labels.length) return f.labels[0].innerText;
                const by = f.getAttribute('aria-labelledby');
                if (by) return by.split(/\\s+/).map(id => document.getElementById(id)).filter(x => x)
                    .map(x => x.innerText).join(' ');
                return f.getAttribute('aria-label') || f.getAttribute('title') || f.getAttribute('name');
              };
              const fields = 'input:not([type=hidden]):not([type=submit]):not([type=button]),select,textarea';
              const describing = e => e.id ? Array.from(document.querySelectorAll(fields)).find(f =>
                  (f.getAttribute('aria-describedby') || '').split(/\\s+/).includes(e.id)
                  || (f.getAttribute('aria-errormessage') || '').split(/\\s+/).includes(e.id)) : null;
              const nearest = e => {
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                  const inside = p.querySelectorAll(fields);
                  if (inside.length === 1) return inside[0];
                  if (inside.length > 1 || p.tagName === 'FORM') return null;
                }
                return null;
              };
              return elements.map(e => {
                const text = (e.innerText || '').replace(/\\s+/g, ' ').trim();
                const shown = !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
                if (!text || !shown) return null;
                let field = how === 'nearest' ? null : describing(e);
                if (!field && how !== 'describedBy') field = nearest(e);
                const label = field ? (labelOf(field) || '').replace(/\\s+/g, ' ').trim() : '';
                // what was typed is repeated in the reason, never a password
                const value = !field || field.type === 'password' ? ''
                    : field.tagName === 'SELECT' ? (field.selectedOptions[0] ? field.selectedOptions[0].label : '')
                    : field.value;
                return { text, field: label || null, value: label ? value : null };
              }).filter(m => m);
            }
            """;

    /** A failure saying the screen is not what the bot knows: "... has changed: {problem} on the page '...'". */
    public BotRunException screenChanged(String problem, String detail) {
        return failure(BotFailure.SCREEN_CHANGED, capital(label) + " screen has changed: " + problem
                + " on the page '" + screen() + "'.", detail);
    }

    /** A failure with this code and plain-words message; secrets are masked in both texts. */
    public BotRunException failure(BotFailure code, String message, String detail) {
        return new BotRunException(code, bot.name(), masker.mask(message), masker.mask(detail));
    }

    /** Fails the run when the page is the system's busy or session-expired page. */
    public void checkSignals() {
        // this runs after every step and each look is a round trip to the browser: one look for both texts,
        // and a second only on a page that shows one, to say which
        List<String> texts = bot.signals().texts();
        if (texts.isEmpty()) {
            return;
        }
        Locator any = page.getByText(texts.get(0));
        for (String text : texts.subList(1, texts.size())) {
            any = any.or(page.getByText(text));
        }
        if (any.count() == 0) {
            return;
        }
        String busy = bot.signals().busy();
        if (busy != null && page.getByText(busy).count() > 0) {
            throw failure(BotFailure.PORTAL_BUSY, capital(label) + " is busy (\"" + busy + "\"); nothing was done.",
                    "busy page at " + page.url());
        }
        String expired = bot.signals().sessionExpired();
        if (expired != null && page.getByText(expired).count() > 0) {
            throw failure(BotFailure.SESSION_EXPIRED, capital(label) + " ended the session during the run.",
                    "session expired at " + page.url());
        }
    }

    /** Keeps a screenshot of the page as {@code <name>.png} with the run's evidence, secret fields masked. */
    public void screenshot(String name) {
        if (!IMAGE_NAME.matcher(name).matches() || name.equals("screenshot")) {
            // "screenshot" is the failure's own screenshot.png, which a step must not overwrite
            throw new IllegalArgumentException("a screenshot name is lower-case letters, digits and '-', and not"
                    + " 'screenshot', not '" + name + "'");
        }
        try {
            Files.createDirectories(evidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(evidence.resolve(name + ".png")).setFullPage(true)
                .setMask(secretFields));
    }

    /**
     * Starts the next step: fails the run when its timeout has passed or it can no longer count on its slot
     * of the system's concurrency limit, and lets no wait of this step go beyond the run or step timeout.
     */
    void nextStep(String what) {
        if (!holdsSlot.getAsBoolean()) {
            // another node may be driving the system in this slot now: stop rather than exceed the limit
            throw failure(BotFailure.TIMEOUT, "The bot " + bot.name() + " stopped on " + label
                    + ": its place within the system's concurrency limit could not be renewed in time.",
                    "slot lease lost before " + what);
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw failure(BotFailure.TIMEOUT, "The bot " + bot.name() + " took longer than its run timeout on "
                    + label + ".", "run timeout before " + what);
        }
        page.setDefaultTimeout(Math.min(stepTimeout.toMillis(), left.toMillis()));
    }

    void stepDone(String step, long nanos) {
        stepTimes.add(new StepTime(step, nanos));
    }

    List<StepTime> stepTimes() {
        return stepTimes;
    }

    String label() {
        return label;
    }

    String baseUrl() {
        return baseUrl;
    }

    Secrets secrets() {
        return masker.secrets();
    }

    List<Locator> secretFields() {
        return secretFields;
    }

    /** The page's heading, as people know the screen. */
    String screen() {
        try {
            Object heading = page.evaluate("() => { const h = document.querySelector('h1');"
                    + " return h ? h.innerText : document.title; }");
            return String.valueOf(heading).strip();
        } catch (PlaywrightException e) {
            return page.url();
        }
    }

    /** The line of a Playwright message that says what happened (it wraps it as "Error { message='...'"). */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.equals("Error {"))
                .map(line -> line.startsWith("message='") ? line.substring("message='".length()) : line)
                .findFirst().orElse("");
    }

    static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
