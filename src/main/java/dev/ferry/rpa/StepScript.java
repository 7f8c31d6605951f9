package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** The steps and output of a YAML bot file, carried out one run at a time. */
record StepScript(List<Step> steps, Map<String, String> output) implements Bot.Script {

    @Override
    public ObjectNode run(BotSession session, JsonNode input) {
        return new Run(session, input).execute(this);
    }

    /** One run of the steps: what was extracted so far, and the items of the loops being run, live here. */
    private static final class Run {

        private final BotSession session;
        private final Page page;
        private final Map<String, JsonNode> extracted = new HashMap<>();
        private final Map<String, JsonNode> items = new HashMap<>();
        private final Placeholders.Values values;
        private final Locators locators;

        Run(BotSession session, JsonNode input) {
            this.session = session;
            this.page = session.page();
            this.values = new Placeholders.Values(input, session.secrets().values(), extracted, items);
            this.locators = new Locators(page, template -> resolve(template, false));
        }

        ObjectNode execute(StepScript script) {
            run(script.steps());
            ObjectNode output = JsonNodeFactory.instance.objectNode();
            // a value that is one placeholder naming a list (a table, say) is output as that list, not its text
            script.output().forEach((field, template) -> output.set(field, Placeholders.single(template)
                    ? Placeholders.node(template, values).deepCopy() : TextNode.valueOf(resolve(template, false))));
            return output;
        }

        private void run(List<Step> steps) {
            for (Step step : steps) {
                try {
                    session.nextStep(step.where());
                    long started = System.nanoTime();
                    run(step);
                    if (!(step instanceof Step.If || step instanceof Step.ForEach || step instanceof Step.Repeat)) {
                        // an if or a loop is timed without the steps it runs, which are timed themselves
                        session.stepDone(kind(step), System.nanoTime() - started);
                    }
                } catch (BotRunException e) {
                    throw e.at(step.where());
                } catch (TimeoutError e) {
                    // an action that timed out (a click the page never let happen): was it the data the page refused?
                    BotRunException refused = session.refused(kind(step) + " timed out");
                    if (refused != null) {
                        throw refused.at(step.where());
                    }
                    throw e;
                }
            }
        }

        private void run(Step step) {
            if (step instanceof Step.Goto go) {
                page.navigate(session.baseUrl() + resolve(go.url(), true));
                session.checkSignals();
            } else if (step instanceof Step.Fill fill) {
                Locator field = session.await(locators.field(fill.field()),
                        locators.describe("field", fill.field()));
                field.fill(resolve(fill.value(), false));
                if (Placeholders.usesSecret(fill.value())) {
                    session.secretFields().add(field);
                }
            } else if (step instanceof Step.Select select) {
                select(select);
            } else if (step instanceof Step.Check check) {
                session.await(locators.field(check.field()),
                        locators.describe("checkbox or radio button", check.field())).setChecked(check.checked());
            } else if (step instanceof Step.Click click) {
                session.await(locators.locator(click.target()), locators.describe("element", click.target())).click();
            } else if (step instanceof Step.AcceptDialog) {
                page.onceDialog(dialog -> dialog.accept());
            } else if (step instanceof Step.ExpectText expect) {
                String text = resolve(expect.text(), false);
                session.await(page.getByText(text), "text '" + text + "'");
            } else if (step instanceof Step.Extract extract) {
                extract(extract);
            } else if (step instanceof Step.ExtractTable table) {
                extractTable(table);
            } else if (step instanceof Step.Screenshot screenshot) {
                session.screenshot(screenshot.name());
            } else if (step instanceof Step.If condition) {
                long started = System.nanoTime();
                session.checkSignals();
                boolean exists = exists(condition.exists());
                session.stepDone(kind(step), System.nanoTime() - started);
                run(exists ? condition.then() : condition.otherwise());
            } else if (step instanceof Step.ForEach loop) {
                forEach(loop);
            } else if (step instanceof Step.Repeat repeat) {
                repeat(repeat);
            } else if (step instanceof Step.Fail fail) {
                // the bot's own verdict on the data: words for people, its code for machines; no retry helps
                throw session.failure(BotFailure.DATA_REFUSED, resolve(fail.reason(), false) + " (" + fail.code() + ")",
                        "fail " + fail.code());
            }
        }

        /**
         * Chooses the option; one the list does not have fails the run at once as {@code NOT_OFFERED}, a data
         * problem, naming the list and what it offers, where Playwright would wait for the option until the step
         * timeout, and a timeout is retried as if transient.
         */
        private void select(Step.Select select) {
            Step.Target field = select.field();
            String option = resolve(select.option(), false);
            String list = locators.describe("list", field);
            Locator element = session.await(locators.field(field), list);
            // as Playwright matches a string: an option's value or its visible text; a custom list is Playwright's
            Object offered = element.evaluate("(list, wanted) => !list.options"
                    + " || Array.from(list.options).some(o => o.value === wanted || o.label === wanted)"
                    + " || Array.from(list.options).map(o => ({ value: o.value, text: o.label.trim() }))", option);
            if (offered instanceof List<?> options) {
                String label = Set.of("label", "near").contains(field.by()) ? resolve(field.value(), false) : null;
                List<Refusals.Option> choices = new ArrayList<>();
                for (Object each : options) {
                    if (each instanceof Map<?, ?> o) {
                        choices.add(new Refusals.Option(String.valueOf(o.get("value")), String.valueOf(o.get("text"))));
                    }
                }
                throw session.failure(BotFailure.NOT_OFFERED, Refusals.notOffered(session.label(), label, list, option,
                        choices), "no option '" + option + "' in the " + list + " on the page '" + session.screen()
                        + "'");
            }
            element.selectOption(option);
        }

        private void extract(Step.Extract extract) {
            String text = session.await(locators.locator(extract.target()),
                    locators.describe("element", extract.target())).innerText();
            Matcher matcher = extract.pattern().matcher(text);
            if (!matcher.find()) {
                throw session.screenChanged("'" + text.strip() + "' does not match " + extract.pattern(),
                        "extract " + extract.into());
            }
            extracted.put(extract.into(), TextNode.valueOf(matcher.group(1)));
        }

        /** Rows extracted into a name that holds rows already are added to them: one list over several pages. */
        private void extractTable(Step.ExtractTable table) {
            Locator element = session.await(locators.locator(table.target()),
                    locators.describe("table", table.target()));
            String what = "role".equals(table.target().by()) && "table".equals(table.target().value())
                    ? "'" + resolve(table.target().name(), false) + "'"
                    : "around " + locators.describe("element", table.target());
            ArrayNode rows = TableReader.read(session, element, what, table.columns());
            if (extracted.get(table.into()) instanceof ArrayNode before) {
                before.addAll(rows);
            } else {
                extracted.put(table.into(), rows);
            }
        }

        private void forEach(Step.ForEach loop) {
            JsonNode list = Placeholders.node(loop.items(), values);
            if (!list.isArray()) {
                throw new IllegalArgumentException("forEach needs a list, but " + loop.items() + " is " + list);
            }
            // a copy: the steps may extract rows into the very list being walked
            List<JsonNode> each = new ArrayList<>();
            list.forEach(each::add);
            try {
                for (JsonNode item : each) {
                    items.put(loop.as(), item);
                    run(loop.steps());
                }
            } finally {
                items.remove(loop.as());
            }
        }

        /** The step as written in a bot file: goto, fill, expectText, ... */
        private static String kind(Step step) {
            String name = step.getClass().getSimpleName();
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }

        /**
         * Runs the steps until the element is there (or gone), looking before each round; more than {@code max}
         * rounds fail the run rather than loop on a page that never changes.
         */
        private void repeat(Step.Repeat repeat) {
            for (int round = 0; ; round++) {
                session.checkSignals();
                if (exists(repeat.until()) == repeat.exists()) {
                    return;
                }
                if (round == repeat.max()) {
                    throw session.failure(BotFailure.SCREEN_CHANGED, BotSession.capital(session.label())
                            + (repeat.exists() ? " did not show the " : " still showed the ")
                            + locators.describe("element", repeat.until()) + " after " + repeat.max()
                            + " rounds of the repeated steps, the most the bot allows (max: " + repeat.max()
                            + "), on the page '"
                            + session.screen() + "'.", "repeat: " + repeat.max() + " rounds without "
                            + (repeat.exists() ? "" : "losing ") + locators.describe("element", repeat.until()));
                }
                run(repeat.steps());
            }
        }

        /** Whether the element is on the page now: no waiting, as the page is. */
        private boolean exists(Step.Target target) {
            return locators.locator(target).count() > 0;
        }

        private String resolve(String template, boolean urlEncoded) {
            return Placeholders.resolve(template, values,
                    urlEncoded ? v -> URLEncoder.encode(v, StandardCharsets.UTF_8) : v -> v);
        }
    }
}
