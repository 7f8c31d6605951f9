package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** css:, xpath: and near: selectors, repeat and fail steps, as a bot file is read. */
class BotSelectorsTests {

    private static final String FILE = "rpa-bots/demo/demo.yaml";

    private static String bot(String steps) {
        return """
                name: demo
                system: portal
                steps:
                """ + steps;
    }

    private static List<Step> steps(String steps) {
        return ((StepScript) BotFileReader.read(bot(steps), FILE).script()).steps();
    }

    @Test
    void aBrokenCssSelectorIsReportedAtItsValueWithAHint() {
        assertThatThrownBy(() -> steps("  - goto: /\n  - click: { css: \"button[type=submit\" }\n"))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":5:19: css: 'button[type=submit' is not a valid CSS selector: error in attribute"
                        + " selector at the end (check its brackets [ ] ( ) and quotes; Playwright's :has-text(),"
                        + " :text(), :visible and :right-of() may be used)");
    }

    @Test
    void anUnbalancedParenthesisAndABrokenSelectorInsideRightOfAreReported() {
        assertThat(SelectorCheck.css("td:has(> input")).startsWith("not a valid CSS selector");
        assertThat(SelectorCheck.css("input:right-of(:text(\"Zip\")")).isEqualTo(
                "not a valid CSS selector: a '(' is never closed");
        assertThat(SelectorCheck.css("input:right-of(td[x)")).startsWith("not a valid CSS selector: error in"
                + " attribute selector").endsWith("(in :right-of())");
        assertThat(SelectorCheck.css("a,")).startsWith("not a valid CSS selector");
        assertThat(SelectorCheck.css(".1abc")).startsWith("not a valid CSS selector");
    }

    @Test
    void playwrightsOwnSelectorsAndPlaceholdersAreNotMistakes() {
        assertThat(List.of("button:has-text('Log in')", "td:text-is(\"Postal code\") + td input", "div:visible",
                "input:right-of(:text(\"Postal code\"))", "input:near(label, 50)", ":nth-match(li:has-text(\"x\"), 3)",
                "li:text-matches(\"NF-\\\\d+\", \"i\")", "form >> text=Send", "#orders >> role=row",
                "tr:nth-child(2n+1) td", "div:has(> a)", "input:not([type=hidden]):checked", "#row-${input.id} td",
                "//td[text()='City']/following-sibling::td//input", "xpath=//input[@name='zip']"))
                .allSatisfy(selector -> assertThat(SelectorCheck.css(selector)).as(selector).isNull());
    }

    @Test
    void aBrokenXpathIsReportedAtItsValue() {
        assertThatThrownBy(() -> steps("  - fill: { xpath: \"//td[text()='City'/input\", value: x }\n"))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":4:20: xpath: '//td[text()='City'/input' is not a valid XPath"
                        + " expression");
        assertThat(SelectorCheck.xpath("//td[normalize-space()='${input.caption}']/following::input[1]")).isNull();
    }

    @Test
    void aFieldIsFoundByLabelNearACaptionByCssOrByXpathOneWayOnly() {
        assertThat(steps("""
                  - fill: { near: "Postal code", value: "1234" }
                  - select: { css: "#country", option: "NO" }
                  - check: { xpath: "//input[@name='fragile']" }
                """)).containsExactly(
                new Step.Fill(Step.Target.of("near", "Postal code"), "1234", FILE + ":4:5"),
                new Step.Select(Step.Target.of("css", "#country"), "NO", FILE + ":5:5"),
                new Step.Check(Step.Target.of("xpath", "//input[@name='fragile']"), true, FILE + ":6:5"));
        assertThatThrownBy(() -> steps("  - fill: { label: City, css: \"#city\", value: x }\n"))
                .hasMessage(FILE + ":4:5: no selector: give one of label, near (a caption before the field), css or"
                        + " xpath");
        assertThatThrownBy(() -> steps("  - check: { near: Fragile }\n"))
                .hasMessage(FILE + ":4:14: unknown key 'near' (known: checked, css, label, xpath)");
    }

    @Test
    void extractReadsTheTextAfterACaption() {
        assertThat(steps("  - extract: { near: \"Status\", pattern: \"(\\\\w+)\", into: status }\n"))
                .singleElement().satisfies(step -> assertThat(((Step.Extract) step).target())
                        .isEqualTo(Step.Target.of("near", "Status")));
    }

    @Test
    void repeatNeedsAnUntilAndAMaximum() {
        assertThat(steps("""
                  - repeat:
                      until: { missing: { role: link, name: "Next" } }
                      max: 20
                      steps:
                        - click: { role: link, name: "Next" }
                """)).containsExactly(new Step.Repeat(new Step.Target("role", "link", "Next"), false, 20,
                List.of(new Step.Click(new Step.Target("role", "link", "Next"), FILE + ":8:11")), FILE + ":4:5"));
        assertThatThrownBy(() -> steps("  - repeat: { until: { exists: { text: Done } }, steps: [ { goto: / } ] }\n"))
                .hasMessage(FILE + ":4:5: repeat needs until (exists: or missing: an element, as if's exists), max"
                        + " (the most rounds, e.g. 20) and steps; max is missing");
        assertThatThrownBy(() -> steps("  - repeat: { until: { exists: { text: Done } }, max: 0, steps: [ { goto: / } ] }\n"))
                .hasMessage(FILE + ":4:55: max is the most rounds the steps may run, a whole number from 1 to 1000");
        assertThatThrownBy(() -> steps("  - repeat: { until: { text: Done }, max: 3, steps: [ { goto: / } ] }\n"))
                .hasMessageStartingWith(FILE + ":4:24: unknown key 'text' (known: exists, missing)");
    }

    @Test
    void failNeedsAnUpperCaseCodeAndAReason() {
        assertThat(steps("  - fail: { code: RECORD_NOT_FOUND, reason: \"No consignment ${input.orderId}\" }\n"))
                .containsExactly(new Step.Fail("RECORD_NOT_FOUND", "No consignment ${input.orderId}", FILE + ":4:5"));
        assertThatThrownBy(() -> steps("  - fail: { code: not-found, reason: x }\n"))
                .hasMessage(FILE + ":4:19: a code is upper-case letters, digits and '_', e.g. RECORD_NOT_FOUND; not"
                        + " 'not-found'");
        assertThatThrownBy(() -> steps("  - fail: { reason: \"${extracted.nr}\", code: X }\n"))
                .hasMessageStartingWith(FILE + ":4:21: nothing is extracted into 'nr'");
    }
}
