package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

        Run(BotSession session, JsonNode input) {
            this.session = session;
            this.page = session.page();
            this.values = new Placeholders.Values(input, session.secrets().values(), extracted, items);
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
                    if (!(step instanceof Step.If || step instanceof Step.ForEach)) {
                        // an if or a loop is timed without the steps it runs, which are timed themselves
                        session.stepDone(kind(step), System.nanoTime() - started);
                    }
                } catch (BotRunException e) {
                    throw e.at(step.where());
                }
            }
        }

        private void run(Step step) {
            if (step instanceof Step.Goto go) {
                page.navigate(session.baseUrl() + resolve(go.url(), true));
                session.checkSignals();
            } else if (step instanceof Step.Fill fill) {
                Locator field = session.await(label(fill.label()), "field '" + resolve(fill.label(), false) + "'");
                field.fill(resolve(fill.value(), false));
                if (Placeholders.usesSecret(fill.value())) {
                    session.secretFields().add(field);
                }
            } else if (step instanceof Step.Select select) {
                select(select);
            } else if (step instanceof Step.Check check) {
                session.await(label(check.label()), "checkbox or radio button '" + resolve(check.label(), false) + "'")
                        .setChecked(check.checked());
            } else if (step instanceof Step.Click click) {
                session.await(locator(click.target()), describe(click.target())).click();
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
                boolean exists = locator(condition.exists()).count() > 0;
                session.stepDone(kind(step), System.nanoTime() - started);
                run(exists ? condition.then() : condition.otherwise());
            } else if (step instanceof Step.ForEach loop) {
                forEach(loop);
            }
        }

        /**
         * Chooses the option; one the list does not have fails the run at once as {@code NOT_OFFERED}, where
         * Playwright would wait for it until the step timeout, and a timeout is retried as if transient.
         */
        private void select(Step.Select select) {
            String label = resolve(select.label(), false);
            String option = resolve(select.option(), false);
            Locator list = session.await(label(select.label()), "list '" + label + "'");
            // as Playwright matches a string: an option's value or its visible text; a custom list is Playwright's
            Object offered = list.evaluate("(list, wanted) => !list.options"
                    + " || Array.from(list.options).some(o => o.value === wanted || o.label === wanted)", option);
            if (Boolean.FALSE.equals(offered)) {
                throw session.failure(BotFailure.NOT_OFFERED, BotSession.capital(session.label()) + " does not offer "
                        + label.toLowerCase(Locale.ROOT) + " '" + option + "': the list '" + label + "' on the page '"
                        + session.screen() + "' has no such option. Correct the order's data, or do this one by"
                        + " hand; trying again would meet the same list.", "no option '" + option + "' in list '" + label
                        + "'");
            }
            list.selectOption(option);
        }

        private void extract(Step.Extract extract) {
            String text = session.await(locator(extract.target()), describe(extract.target())).innerText();
            Matcher matcher = extract.pattern().matcher(text);
            if (!matcher.find()) {
                throw session.screenChanged("'" + text.strip() + "' does not match " + extract.pattern(),
                        "extract " + extract.into());
            }
            extracted.put(extract.into(), TextNode.valueOf(matcher.group(1)));
        }

        /** Rows extracted into a name that holds rows already are added to them: one list over several pages. */
        private void extractTable(Step.ExtractTable table) {
            Locator element = session.await(locator(table.target()), describe(table.target()));
            String what = "table".equals(table.target().role()) ? "'" + resolve(table.target().name(), false) + "'"
                    : "around " + describe(table.target());
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
            return Placeholders.resolve(template, values,
                    urlEncoded ? v -> URLEncoder.encode(v, StandardCharsets.UTF_8) : v -> v);
        }
    }
}
