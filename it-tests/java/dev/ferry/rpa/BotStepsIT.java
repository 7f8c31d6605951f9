package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML steps check, screenshot, forEach and extractTable, run in real headless Chromium on small test screens. */
class BotStepsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SECRETS = Map.of("pin", "4711-secret");

    private static TestScreens screens;
    private static BrowserWorker worker;

    @TempDir
    Path evidence;

    @BeforeAll
    static void start() throws Exception {
        String chromium = Chromium.executable().toString();
        screens = new TestScreens();
        worker = new BrowserWorker(1, chromium, null, true, nanos -> {
        });
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (screens != null) {
            screens.close();
        }
    }

    @BeforeEach
    void forgetPosts() {
        screens.posts().clear();
    }

    @Test
    void checkTicksAndUnticksBoxesAndChoosesARadioButton() {
        run("options", """
                steps:
                  - goto: /options
                  - check: { label: "Dangerous goods" }
                  - check: { label: "Fragile", checked: false }
                  - check: { label: "Express", checked: true }
                  - fill: { label: "PIN", value: "${secrets.pin}" }
                  - click: { role: button, name: "Send" }
                  - expectText: "Options received"
                """, "{}");

        assertThat(screens.posts()).singleElement().satisfies(post -> {
            assertThat(post.fields()).containsEntry("dangerous", "on").containsEntry("service", "express")
                    .containsEntry("pin", "4711-secret");
            assertThat(post.fields()).doesNotContainKey("fragile");
        });
    }

    @Test
    void selectChoosesAnOptionByItsVisibleTextOrItsValue() {
        run("packing", """
                steps:
                  - goto: /options
                  - select: { label: "Packing", option: "Pallet" }
                  - click: { role: button, name: "Send" }
                  - expectText: "Options received"
                  - goto: /options
                  - select: { label: "Packing", option: "box" }
                  - click: { role: button, name: "Send" }
                  - expectText: "Options received"
                """, "{}");

        assertThat(screens.posts()).extracting(post -> post.fields().get("packing")).containsExactly("pallet", "box");
    }

    @Test
    void anOptionTheListDoesNotHaveFailsTheRunAtOnceAsNotOffered() {
        BotRunException failure = catchThrowableOfType(() -> run("crate", """
                steps:
                  - goto: /options
                  - select: { label: "Packing", option: "${input.packing}" }
                """, "{\"packing\": \"Crate\"}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.NOT_OFFERED);
        assertThat(failure.failure().transientFailure()).isFalse();
        assertThat(failure.code().dataProblem()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("The test screens does not offer packing 'Crate': its list 'Packing'"
                + " offers only Box, Pallet. Correct the packing in the order and replay.");
        assertThat(failure.detail()).isEqualTo("rpa-bots/test/crate.yaml:6:5: no option 'Crate' in the list 'Packing'"
                + " on the page 'Consignment options'");
        assertThat(evidence.resolve("screenshot.png")).isNotEmptyFile();
    }

    @Test
    void aStepThatFailsWhileTheScreenRefusesAFieldIsADataProblemQuotingTheScreen() {
        String steps = """
                steps:
                  - goto: /address
                  - fill: { label: "Street", value: "Storgatan 1" }
                  - fill: { label: "Postal code", value: "${input.zip}" }
                  - click: { role: button, name: "Save" }
                  - expectText: "Address saved"
                """;

        BotRunException refused = catchThrowableOfType(() -> run("address", steps + """
                validation:
                  messages: { css: ".err" }
                  field: nearest
                """, "{\"zip\": \"12/3\"}"), BotRunException.class);

        assertThat(refused.code()).isEqualTo(BotFailure.DATA_REFUSED);
        assertThat(refused.failure().transientFailure()).isFalse();
        // the field's message is quoted and its field named; the page's "correct the marked fields" adds nothing
        assertThat(refused.getMessage()).isEqualTo("The test screens refused the postal code '12/3': \"Postal code may"
                + " contain only letters and digits.\" Correct the postal code in the order and replay.");
        assertThat(refused.detail()).isEqualTo("rpa-bots/test/address.yaml:9:5: the page 'Address' showed messages"
                + " about the data (waiting for text 'Address saved'): Please correct the marked fields.; Postal code:"
                + " Postal code may contain only letters and digits.");
        assertThat(evidence.resolve("screenshot.png")).isNotEmptyFile();

        // without validation: the bot cannot tell, and the screen seems to have changed
        BotRunException unexplained = catchThrowableOfType(() -> run("address", steps, "{\"zip\": \"12/3\"}"),
                BotRunException.class);
        assertThat(unexplained.code()).isEqualTo(BotFailure.SCREEN_CHANGED);
    }

    @Test
    void aScreenThatShowsNoMessageLeavesTheFailureAsItWas() {
        BotRunException failure = catchThrowableOfType(() -> run("address-ok", """
                steps:
                  - goto: /address
                  - fill: { label: "Postal code", value: "${input.zip}" }
                  - click: { role: button, name: "Save" }
                  - expectText: "Address stored"
                validation:
                  messages: { css: ".err" }
                """, "{\"zip\": \"0150\"}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.SCREEN_CHANGED);
        assertThat(failure.getMessage()).startsWith("The test screens screen has changed: no text 'Address stored'");
    }

    @Test
    void aScreenshotStepKeepsAPngWithTheRunsEvidence() throws Exception {
        run("picture", """
                steps:
                  - goto: /options
                  - fill: { label: "PIN", value: "${secrets.pin}" }
                  - screenshot: filled-in
                """, "{}");

        Path image = evidence.resolve("filled-in.png");
        assertThat(image).isRegularFile();
        byte[] png = Files.readAllBytes(image);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void evidenceThatStillHoldsASecretAfterMaskingIsLeftOutAndTheFailureSaysSo() throws Exception {
        // a secret its own mask spells again: the page that shows it cannot be cleaned
        BotRun run = botRun("stars", """
                steps:
                  - goto: /lines
                  - fill: { label: "SKU", value: "${secrets.pin}" }
                  - fill: { label: "Quantity", value: "1" }
                  - click: { role: button, name: "Add line" }
                  - expectText: "Line refused"
                """, "{}", new Secrets(Map.of("pin", "**")));

        BotRunException failed = catchThrowableOfType(BotRunException.class, () -> worker.run("stars", run::execute));

        assertThat(failed.failure().detail()).contains("evidence left out (a secret could not be masked in it): page.html")
                .contains("trace.zip trace.trace");
        assertThat(evidence.resolve("screenshot.png")).isNotEmptyFile();
        assertThat(evidence.resolve("page.html")).doesNotExist();
        try (ZipFile trace = new ZipFile(evidence.resolve("trace.zip").toFile())) {
            assertThat(trace.getEntry("trace.trace")).isNull();
            assertThat(trace.size()).as("the trace's other entries are kept").isPositive();
        }
    }

    @Test
    void forEachTypesEveryLineOfTheInput() {
        run("lines", """
                steps:
                  - goto: /lines
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - fill: { label: "SKU", value: "${line.sku}" }
                        - fill: { label: "Quantity", value: "${line.quantity}" }
                        - click: { role: button, name: "Add line" }
                        - expectText: "Added ${line.sku} x ${line.quantity}"
                """, "{\"lines\": [{\"sku\": \"MUG\", \"quantity\": 2}, {\"sku\": \"PLATE\", \"quantity\": 1}]}");

        assertThat(screens.posts()).extracting(TestScreens.Post::fields)
                .containsExactly(Map.of("sku", "MUG", "quantity", "2"), Map.of("sku", "PLATE", "quantity", "1"));
    }

    @Test
    void nestedLoopsSeeTheOuterItemAndAPlainItem() {
        run("batches", """
                steps:
                  - goto: /lines
                  - forEach:
                      items: "${input.lines}"
                      as: line
                      steps:
                        - forEach:
                            items: "${line.batches}"
                            as: batch
                            steps:
                              - fill: { label: "SKU", value: "${line.sku}" }
                              - fill: { label: "Quantity", value: "${batch}" }
                              - click: { role: button, name: "Add line" }
                              - expectText: "Added ${line.sku} x ${batch}"
                """, "{\"lines\": [{\"sku\": \"MUG\", \"batches\": [1, 2]}, {\"sku\": \"PLATE\", \"batches\": [5]}]}");

        assertThat(screens.posts()).extracting(TestScreens.Post::fields).containsExactly(
                Map.of("sku", "MUG", "quantity", "1"), Map.of("sku", "MUG", "quantity", "2"),
                Map.of("sku", "PLATE", "quantity", "5"));
    }

    @Test
    void extractTableOutputsTheRowsAsJsonKeyedByHeader() throws Exception {
        ObjectNode output = run("shipments", """
                steps:
                  - goto: /shipments
                  - extractTable: { role: table, name: "Shipments", into: shipments }
                output:
                  shipments: "${extracted.shipments}"
                  count: "${extracted.shipments | count}"
                  statuses: "${extracted.shipments | join(Status)}"
                """, "{}");

        assertThat(output.get("shipments")).isEqualTo(JSON.readTree("""
                [ { "Consignment": "NF-100001", "Status": "Delivered", "Ship date": "2026-01-02" },
                  { "Consignment": "NF-100002", "Status": "In transit", "Ship date": "2026-01-03" } ]"""));
        assertThat(output.get("count").asText()).isEqualTo("2");
        assertThat(output.get("statuses").asText()).isEqualTo("Delivered, In transit");
    }

    @Test
    void extractTableByATextInsideKeepsOnlyTheNamedColumns() throws Exception {
        ObjectNode output = run("renamed", """
                steps:
                  - goto: /shipments
                  - extractTable:
                      text: "NF-100002"
                      columns: { status: "Status", consignment: "Consignment" }
                      into: shipments
                output:
                  shipments: "${extracted.shipments}"
                """, "{}");

        assertThat(output.get("shipments")).isEqualTo(JSON.readTree("""
                [ { "status": "Delivered", "consignment": "NF-100001" },
                  { "status": "In transit", "consignment": "NF-100002" } ]"""));
        assertThat(output.get("shipments").get(0).fieldNames()).toIterable().containsExactly("status", "consignment");
    }

    @Test
    void aMissingColumnIsAScreenChangeInPlainWords() {
        BotRunException failure = catchThrowableOfType(() -> run("weights", """
                steps:
                  - goto: /shipments
                  - extractTable: { role: table, name: "Shipments", columns: { weight: "Weight" }, into: shipments }
                """, "{}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.SCREEN_CHANGED);
        assertThat(failure.getMessage()).isEqualTo("The test screens screen has changed: no column 'Weight' in the "
                + "table 'Shipments' (its columns: Consignment, Status, Ship date) on the page 'Shipments'.");
        assertThat(failure.detail()).startsWith("rpa-bots/test/weights.yaml:6:5: ");
    }

    @Test
    void rowsOfEveryPageAreAppendedToOneList() {
        ObjectNode output = run("pages", """
                steps:
                  - goto: /shipments
                  - forEach:
                      items: "${input.pages}"
                      as: page
                      steps:
                        - expectText: "Page ${page} of 2"
                        - extractTable: { role: table, name: "Shipments", columns: { number: "Consignment" }, into: all }
                        - if:
                            exists: { role: link, name: "Next" }
                            then:
                              - click: { role: link, name: "Next" }
                output:
                  numbers: "${extracted.all | join(number)}"
                  all: "${extracted.all}"
                """, "{\"pages\": [1, 2]}");

        assertThat(output.get("numbers").asText()).isEqualTo("NF-100001, NF-100002, NF-100003, NF-100004");
        assertThat(output.get("all")).hasSize(4);
    }

    @Test
    void eachFinishedStepIsTimedByKindAndAnIfWithoutTheStepsItRuns() {
        BotRun run = botRun("timed", """
                steps:
                  - goto: /shipments
                  - forEach:
                      items: "${input.pages}"
                      as: page
                      steps:
                        - expectText: "Page ${page} of 2"
                        - if:
                            exists: { role: link, name: "Next" }
                            then:
                              - click: { role: link, name: "Next" }
                """, "{\"pages\": [1, 2]}");

        worker.run("timed", run::execute);

        // page 2 has no "Next": its if runs no click
        assertThat(run.stepTimes()).extracting(BotSession.StepTime::step)
                .containsExactly("goto", "expectText", "if", "click", "expectText", "if");
        assertThat(run.stepTimes()).allSatisfy(step -> assertThat(step.nanos()).isPositive());
    }

    private ObjectNode run(String name, String steps, String input) {
        BotRun run = botRun(name, steps, input);
        return worker.run(name, run::execute);
    }

    private BotRun botRun(String name, String steps, String input) {
        return botRun(name, steps, input, new Secrets(SECRETS));
    }

    private BotRun botRun(String name, String steps, String input, Secrets secrets) {
        Bot bot = BotFileReader.read("name: " + name + "\nsystem: test-screens\nsecrets: [pin]\n" + steps,
                "rpa-bots/test/" + name + ".yaml");
        return new BotRun(bot, screens.baseUrl(), "the test screens", read(input), secrets,
                Duration.ofSeconds(5), Duration.ofSeconds(30), true, evidence);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
