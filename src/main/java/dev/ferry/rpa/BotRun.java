package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** One run of one bot, on a worker's thread, in a fresh browser context that is always closed. */
final class BotRun {

    private final Bot bot;
    private final String baseUrl;
    private final String label;
    private final JsonNode input;
    private final Secrets secrets;
    private final Duration stepTimeout;
    private final Instant deadline;
    private final Path evidence;
    private final Map<String, String> extracted = new HashMap<>();
    private final List<Locator> secretFields = new ArrayList<>();
    private Page page;

    /** {@code label} names the system for people ("the Nordic Freight portal"). */
    BotRun(Bot bot, String baseUrl, String label, JsonNode input, Secrets secrets, Duration stepTimeout,
            Duration runTimeout, Path evidence) {
        this.bot = bot;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.label = label;
        this.input = input;
        this.secrets = secrets;
        this.stepTimeout = stepTimeout;
        this.deadline = Instant.now().plus(runTimeout);
        this.evidence = evidence;
    }

    ObjectNode execute(Browser browser) {
        BrowserContext context = browser.newContext();
        try {
            page = context.newPage();
            run(bot.steps());
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            bot.output().forEach((field, template) -> output.put(field, resolve(template, false)));
            return output;
        } catch (BotRunException e) {
            throw withEvidence(e);
        } catch (TimeoutError e) {
            throw withEvidence(fail(BotFailure.TIMEOUT, capital(label) + " did not answer in time.", e.getMessage()));
        } catch (PlaywrightException | IllegalArgumentException e) {
            throw withEvidence(fail(BotFailure.BOT_ERROR, "The bot " + bot.name() + " could not finish: "
                    + firstLine(e.getMessage()), e.getMessage()));
        } finally {
            context.close();
        }
    }

    private void run(List<Step> steps) {
        for (Step step : steps) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw fail(BotFailure.TIMEOUT, "The bot " + bot.name() + " took longer than its run timeout on "
                        + label + ".", "run timeout before " + step.where());
            }
            page.setDefaultTimeout(Math.min(stepTimeout.toMillis(), left.toMillis()));
            run(step);
        }
    }

    private void run(Step step) {
        if (step instanceof Step.Goto go) {
            page.navigate(baseUrl + resolve(go.url(), true));
            checkSignals();
        } else if (step instanceof Step.Fill fill) {
            Locator field = await(label(fill.label()), "field '" + fill.label() + "'", step);
            field.fill(resolve(fill.value(), false));
            if (Placeholders.usesSecret(fill.value())) {
                secretFields.add(field);
            }
        } else if (step instanceof Step.Select select) {
            await(label(select.label()), "list '" + select.label() + "'", step)
                    .selectOption(resolve(select.option(), false));
        } else if (step instanceof Step.Click click) {
            await(locator(click.target()), describe(click.target()), step).click();
        } else if (step instanceof Step.AcceptDialog) {
            page.onceDialog(dialog -> dialog.accept());
        } else if (step instanceof Step.ExpectText expect) {
            String text = resolve(expect.text(), false);
            await(page.getByText(text), "text '" + text + "'", step);
        } else if (step instanceof Step.Extract extract) {
            String text = await(locator(extract.target()), describe(extract.target()), step).innerText();
            Matcher matcher = extract.pattern().matcher(text);
            if (!matcher.find()) {
                throw fail(BotFailure.SCREEN_CHANGED, capital(label) + " screen has changed: '" + text.strip()
                        + "' does not match " + extract.pattern() + " on the page '" + screen() + "'.", step.where());
            }
            extracted.put(extract.into(), matcher.group(1));
        } else if (step instanceof Step.If condition) {
            checkSignals();
            run(locator(condition.exists()).count() > 0 ? condition.then() : condition.otherwise());
        }
    }

    /** Waits for the element (or the system saying it is busy or has ended the session) and returns it. */
    private Locator await(Locator locator, String what, Step step) {
        Locator first = locator.first();
        Locator either = first;
        for (String signal : signals()) {
            either = either.or(page.getByText(signal));
        }
        try {
            either.first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        } catch (TimeoutError e) {
            checkSignals();
            if ("complete".equals(page.evaluate("document.readyState"))) {
                throw fail(BotFailure.SCREEN_CHANGED, capital(label) + " screen has changed: no " + what
                        + " on the page '" + screen() + "'.", step.where() + ": " + firstLine(e.getMessage()));
            }
            throw fail(BotFailure.TIMEOUT, capital(label) + " did not show the page in time (waiting for " + what
                    + ").", step.where() + ": " + firstLine(e.getMessage()));
        }
        checkSignals();
        return first;
    }

    private List<String> signals() {
        List<String> signals = new ArrayList<>();
        if (bot.signals().busy() != null) {
            signals.add(bot.signals().busy());
        }
        if (bot.signals().sessionExpired() != null) {
            signals.add(bot.signals().sessionExpired());
        }
        return signals;
    }

    private void checkSignals() {
        String busy = bot.signals().busy();
        if (busy != null && page.getByText(busy).count() > 0) {
            throw fail(BotFailure.PORTAL_BUSY, capital(label) + " is busy (\"" + busy + "\"); nothing was booked.",
                    "busy page at " + page.url());
        }
        String expired = bot.signals().sessionExpired();
        if (expired != null && page.getByText(expired).count() > 0) {
            throw fail(BotFailure.SESSION_EXPIRED, capital(label) + " ended the session during the run.",
                    "session expired at " + page.url());
        }
    }

    private Locator label(String text) {
        return page.getByLabel(resolve(text, false), new Page.GetByLabelOptions().setExact(true));
    }

    private Locator locator(Step.Target target) {
        if (target.text() != null) {
            return page.getByText(resolve(target.text(), false));
        }
        return page.getByRole(AriaRole.valueOf(target.role().toUpperCase(Locale.ROOT)),
                new Page.GetByRoleOptions().setName(resolve(target.name(), false)));
    }

    private String describe(Step.Target target) {
        return target.text() != null ? "text '" + resolve(target.text(), false) + "'"
                : target.role() + " '" + resolve(target.name(), false) + "'";
    }

    private String resolve(String template, boolean urlEncoded) {
        return Placeholders.resolve(template, input, secrets.values(), extracted,
                urlEncoded ? v -> URLEncoder.encode(v, StandardCharsets.UTF_8) : v -> v);
    }

    /** The page's heading, as people know the screen. */
    private String screen() {
        try {
            Object heading = page.evaluate("() => { const h = document.querySelector('h1');"
                    + " return h ? h.innerText : document.title; }");
            return String.valueOf(heading).strip();
        } catch (PlaywrightException e) {
            return page.url();
        }
    }

    private BotRunException fail(BotFailure code, String message, String detail) {
        return new BotRunException(code, bot.name(), secrets.mask(message), secrets.mask(detail), null);
    }

    /** Keeps a screenshot and the page HTML of the failure, secrets masked, before the context closes. */
    private BotRunException withEvidence(BotRunException e) {
        if (page == null || page.isClosed()) {
            return e;
        }
        try {
            Files.createDirectories(evidence);
            page.screenshot(new Page.ScreenshotOptions().setPath(evidence.resolve("screenshot.png"))
                    .setFullPage(true).setMask(secretFields).setTimeout(5000));
            Files.writeString(evidence.resolve("page.html"), secrets.mask(page.content()));
            return new BotRunException(e.code(), e.bot(), e.getMessage(), e.detail(), evidence);
        } catch (IOException | PlaywrightException failed) {
            return e;
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
