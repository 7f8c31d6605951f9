package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotFileReaderTests {

    private static final String FILE = "rpa-bots/demo/demo.yaml";

    private static String bot(String steps) {
        return """
                name: demo
                system: portal
                secrets: [portal-password]
                steps:
                """ + steps;
    }

    @Test
    void readsTheShippedBookingBot() {
        Bot bot = BotFileReader.read(Path.of("rpa-bots/nordic-freight/book-freight.yaml"),
                "rpa-bots/nordic-freight/book-freight.yaml");

        assertThat(bot.name()).isEqualTo("book-freight");
        assertThat(bot.system()).isEqualTo("freight-portal");
        assertThat(bot.concurrency()).isEqualTo(2);
        assertThat(bot.secrets()).containsExactly("portal-username", "portal-password");
        assertThat(((StepScript) bot.script()).steps()).first().isEqualTo(new Step.Goto("/login", "rpa-bots/nordic-freight/book-freight.yaml:30:5"));
        assertThat(((StepScript) bot.script()).steps()).filteredOn(Step.If.class::isInstance).singleElement()
                .satisfies(s -> assertThat(((Step.If) s).otherwise()).hasSize(1));
        assertThat(((StepScript) bot.script()).output()).containsOnlyKeys("consignmentNumber", "trackingNumber");
    }

    @Test
    void theShippedBotMatchesTheShippedSchema() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("rpa-bots/bot.schema.json")));
        JsonNode bot = new YAMLMapper().readTree(Files.readString(Path.of("rpa-bots/nordic-freight/book-freight.yaml")));

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(bot))
                .isEmpty();
    }

    @Test
    void theShippedBookingBotSaysWhereThePortalShowsItsFieldMessages() {
        Bot bot = BotFileReader.read(Path.of("rpa-bots/nordic-freight/book-freight.yaml"),
                "rpa-bots/nordic-freight/book-freight.yaml");

        assertThat(bot.validation()).isEqualTo(new Bot.Validation(Step.Target.of("css", "form td.error"), "describedBy"));
    }

    @Test
    void validationMessagesAreFoundAnyWayAnElementIsAndTheirFieldWayIsOptional() {
        String yaml = bot("  - goto: /login\n") + """
                validation:
                  messages: { role: alert, name: "" }
                """;

        Bot bot = BotFileReader.read(yaml, FILE);

        assertThat(bot.validation()).isEqualTo(new Bot.Validation(new Step.Target("role", "alert", ""), null));
        assertThat(BotFileReader.read(bot("  - goto: /login\n"), FILE).validation()).isEqualTo(Bot.Validation.NONE);
    }

    @Test
    void aValidationWithoutMessagesOrWithAnUnknownFieldWayIsRejectedWhereItIsWritten() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n") + "validation: { field: nearest }\n",
                FILE)).isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":6:13: validation needs messages: the elements in which the screen"
                        + " shows its messages about the data");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n")
                + "validation: { messages: { css: \".error\" }, field: describedby }\n", FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":6:51: field is describedBy (the field whose aria-describedby names"
                        + " the message) or nearest")
                .hasMessageEndingWith("not 'describedby' (did you mean 'describedBy'?)");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n")
                + "validation: { messages: { css: \".error\" }, fields: nearest }\n", FILE))
                .isInstanceOf(BotFileException.class).hasMessageContaining("unknown key 'fields'");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n")
                + "validation: { messages: { css: \"td[class=error\" } }\n", FILE))
                .isInstanceOf(BotFileException.class).hasMessageContaining("is not a valid CSS selector");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n")
                + "validation: { messages: { text: \"${input.zip}\" } }\n", FILE))
                .isInstanceOf(BotFileException.class).hasMessageContaining("no ${placeholders} here");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n") + "validation: { messages: {} }\n",
                FILE)).isInstanceOf(BotFileException.class).hasMessageContaining("no selector");
    }

    @Test
    void theSchemaKnowsValidationAndRejectsAnUnknownFieldWay() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("rpa-bots/bot.schema.json")));
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);

        assertThat(validator.validate(new YAMLMapper().readTree(bot("  - goto: /login\n")
                + "validation: { messages: { css: \".error\" }, field: nearest }\n"))).isEmpty();
        assertThat(validator.validate(new YAMLMapper().readTree(bot("  - goto: /login\n")
                + "validation: { messages: { css: \".error\" }, field: label }\n")))
                .extracting(message -> message.getInstanceLocation().toString()).contains("$.validation.field");
        assertThat(validator.validate(new YAMLMapper().readTree(bot("  - goto: /login\n")
                + "validation: { field: nearest }\n")))
                .extracting(message -> message.getInstanceLocation().toString()).contains("$.validation");
    }

    @Test
    void anUnknownStepIsRejectedWhereItIsWritten() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n  - clik: { text: Log in }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":6:5: unknown step 'clik' (did you mean 'click'?)");
    }

    @Test
    void badIndentationIsRejectedWithTheParsersPosition() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n   fill: { label: A, value: b }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageMatching("rpa-bots/demo/demo\\.yaml:6:\\d+: not valid YAML \\(check the indentation\\).*");
    }

    @Test
    void anUndeclaredSecretIsRejectedAtItsValue() {
        assertThatThrownBy(() -> BotFileReader.read(
                bot("  - fill: { label: Password, value: \"${secrets.portal-pasword}\" }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:37: unknown secret 'portal-pasword'");
    }

    @Test
    void aClickWithoutSelectorIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /login\n  - click: { role: button }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":6:5: no selector");
    }

    @Test
    void aFillWithoutLabelIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - fill: { value: x }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:5: no selector");
    }

    @Test
    void anUnknownKeyInAStepIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - fill: { label: A, value: b, id: f-name }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:33: unknown key 'id'");
    }

    @Test
    void anOutputOfSomethingNeverExtractedIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /\noutput:\n  number: \"${extracted.nr}\"\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":7:11: nothing is extracted into 'nr'");
    }

    @Test
    void aBotMustBeNamedLikeItsFile() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - goto: /\n").replace("name: demo", "name: other"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":1:7: the bot is named 'other'");
    }

    @Test
    void aCheckTicksByDefaultAndUnticksWithCheckedFalse() {
        Bot bot = BotFileReader.read(bot("""
                  - check: { label: "Dangerous goods" }
                  - check: { label: Fragile, checked: false }
                """), FILE);

        assertThat(steps(bot)).containsExactly(new Step.Check(Step.Target.of("label", "Dangerous goods"), true, FILE + ":5:5"),
                new Step.Check(Step.Target.of("label", "Fragile"), false, FILE + ":6:5"));
    }

    @Test
    void aCheckedThatIsNotTrueOrFalseIsRejectedAtItsValue() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - check: { label: Fragile, checked: \"no\" }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":5:39: checked is true (tick) or false (untick)");
    }

    @Test
    void aCheckWithoutLabelIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - check: { checked: true }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":5:5: no selector: give one of label, css or xpath");
    }

    @Test
    void aScreenshotNameIsCheckedWhenTheFileIsRead() {
        assertThat(steps(BotFileReader.read(bot("  - screenshot: after-login\n"), FILE)))
                .containsExactly(new Step.Screenshot("after-login", FILE + ":5:5"));
        assertThatThrownBy(() -> BotFileReader.read(bot("  - screenshot: After Login\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":5:17: a screenshot is named with lower-case letters, digits and '-', "
                        + "e.g. after-login; not 'After Login'");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - screenshot: screenshot\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:17: 'screenshot' is the name of a failed run's screenshot");
    }

    @Test
    void forEachLoopsNestAndSeeTheirItems() {
        Bot bot = BotFileReader.read(bot("""
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - forEach:
                            items: "${line.batches}"
                            as: batch
                            steps:
                              - fill: { label: Quantity, value: "${batch} of ${line.sku}" }
                """), FILE);

        assertThat(steps(bot)).containsExactly(new Step.ForEach("${input.lines}", "line", List.of(
                new Step.ForEach("${line.batches}", "batch", List.of(
                        new Step.Fill(Step.Target.of("label", "Quantity"), "${batch} of ${line.sku}", FILE + ":13:17")), FILE + ":9:11")),
                FILE + ":5:5"));
    }

    @Test
    void aLoopItemUsedOutsideItsLoopIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("""
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - fill: { label: SKU, value: "${line.sku}" }
                  - fill: { label: SKU, value: "${line.sku}" }
                """), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":10:32: '${line…}' is used outside the forEach whose item it names: "
                        + "use it in that forEach's steps");
    }

    @Test
    void aLoopItemMayNotHideInputSecretsOrExtracted() {
        assertThatThrownBy(() -> BotFileReader.read(bot(loop("input", "${input.sku}")), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":7:11: as: input would hide ${input.…}");
    }

    @Test
    void aNestedLoopNeedsAnItemNameOfItsOwn() {
        assertThatThrownBy(() -> BotFileReader.read(bot("""
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - forEach:
                            items: "${line.batches}"
                            as: line
                            steps:
                              - goto: /
                """), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":11:17: as: line is already the item of a forEach around this one");
    }

    @Test
    void forEachItemsAreOnePlaceholderNamingAList() {
        assertThatThrownBy(() -> BotFileReader.read(bot(loop("line", "${line.sku}").replace("\"${input.lines}\"", "lines")), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":6:14: items is one placeholder naming a list, e.g. \"${input.lines}\"");
        assertThatThrownBy(() -> BotFileReader.read(bot("  - forEach: { items: \"${input.lines}\", as: line }\n"), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:5: forEach needs items")
                .hasMessageEndingWith("steps is missing");
    }

    @Test
    void aMistypedItemInsideALoopIsRejectedNamingTheItems() {
        assertThatThrownBy(() -> BotFileReader.read(bot(loop("line", "${lin.sku}")), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":9:38: unknown placeholder '${lin...}': use ${input.…}, ${secrets.…} or "
                        + "${extracted.…}, or the item of the forEach around it: ${line}");
    }

    @Test
    void extractTableReadsItsTargetColumnsAndName() {
        Bot bot = BotFileReader.read(bot("""
                  - extractTable: { role: table, name: Shipments, into: shipments }
                  - extractTable:
                      text: "NF-"
                      columns: { status: " Status ", shipped: "Ship\\n  date" }
                      into: shipments
                output:
                  shipments: "${extracted.shipments}"
                  count: "${extracted.shipments | count}"
                """), FILE);

        assertThat(steps(bot)).containsExactly(
                new Step.ExtractTable(new Step.Target("role", "table", "Shipments"), Map.of(), "shipments", FILE + ":5:5"),
                new Step.ExtractTable(Step.Target.of("text", "NF-"), Map.of("status", "Status", "shipped", "Ship date"),
                        "shipments", FILE + ":6:5"));
        assertThat(((Step.ExtractTable) steps(bot).get(1)).columns().keySet()).containsExactly("status", "shipped");
    }

    @Test
    void tableColumnsMapNamesToHeaderTexts() {
        assertThatThrownBy(() -> BotFileReader.read(bot("  - extractTable: { text: NF-, columns: [Status], into: rows }\n"),
                FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessageStartingWith(FILE + ":5:41: columns maps each name to a column's header text");
    }

    @Test
    void aNameExtractedAsTextAndAsTableIsRejected() {
        assertThatThrownBy(() -> BotFileReader.read(bot("""
                  - extract: { text: "Number:", pattern: "(NF-\\\\d+)", into: number }
                  - extractTable: { text: NF-, into: number }
                """), FILE))
                .isInstanceOf(BotFileException.class)
                .hasMessage(FILE + ":6:38: 'number' is extracted both as a text and as a table: "
                        + "give each a name of its own");
    }

    @Test
    void aBotUsingEveryStepReadsAndMatchesTheSchema() throws Exception {
        String yaml = """
                name: every-step
                system: portal
                secrets: [portal-password]
                steps:
                  - goto: /login
                  - fill: { label: Password, value: "${secrets.portal-password}" }
                  - select: { label: Country, option: PT }
                  - check: { label: "Dangerous goods" }
                  - check: { label: Fragile, checked: false }
                  - acceptDialog: true
                  - click: { role: button, name: Log in }
                  - expectText: Main menu
                  - screenshot: after-login
                  - extract: { text: "Number:", pattern: "Number: (NF-\\\\d+)", into: number }
                  - extractTable: { role: table, name: Shipments, columns: { status: Status }, into: shipments }
                  - if:
                      exists: { role: link, name: Next }
                      then:
                        - click: { text: Next }
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - fill: { label: SKU, value: "${line.sku}" }
                  - fill: { near: "Postal code", value: "${input.zip}" }
                  - select: { css: "#country", option: SE }
                  - check: { xpath: "//input[@name='fragile']" }
                  - extract: { near: Status, pattern: "(.+)", into: status }
                  - click: { css: "button:has-text('Save')" }
                  - repeat:
                      until: { missing: { xpath: "//a[.='Next']" } }
                      max: 20
                      steps:
                        - click: { role: link, name: Next }
                  - if:
                      exists: { css: "p.error" }
                      then:
                        - fail: { code: RECORD_NOT_FOUND, reason: "No consignment ${input.zip}" }
                output:
                  number: "${extracted.number}"
                  shipments: "${extracted.shipments}"
                """;
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("rpa-bots/bot.schema.json")));

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                .validate(new YAMLMapper().readTree(yaml))).isEmpty();
        assertThat(steps(BotFileReader.read(yaml, "rpa-bots/demo/every-step.yaml")))
                .extracting(step -> step.getClass().getSimpleName())
                .containsExactly("Goto", "Fill", "Select", "Check", "Check", "AcceptDialog", "Click", "ExpectText",
                        "Screenshot", "Extract", "ExtractTable", "If", "ForEach", "Fill", "Select", "Check", "Extract",
                        "Click", "Repeat", "If");
    }

    @Test
    void theSchemaRejectsAnUnlabelledCheckAndABadScreenshotName() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("rpa-bots/bot.schema.json")));
        JsonNode bot = new YAMLMapper().readTree(bot("""
                  - check: { checked: true }
                  - screenshot: After Login
                  - forEach: { items: lines, as: line, steps: [ { goto: / } ] }
                  - fill: { label: City, near: City, value: x }
                  - repeat: { until: { exists: { text: Done } }, steps: [ { goto: / } ] }
                  - fail: { code: not-found, reason: x }
                  - click: { css: "a", text: b }
                """));

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(bot))
                .extracting(message -> message.getInstanceLocation().toString())
                .contains("$.steps[0].check", "$.steps[1].screenshot", "$.steps[2].forEach.items", "$.steps[3].fill",
                        "$.steps[4].repeat", "$.steps[5].fail.code", "$.steps[6].click");
    }

    private static String loop(String as, String value) {
        return """
                  - forEach:
                      items: "${input.lines}"
                      as: %s
                      steps:
                        - fill: { label: SKU, value: "%s" }
                """.formatted(as, value);
    }

    private static List<Step> steps(Bot bot) {
        return ((StepScript) bot.script()).steps();
    }
}
