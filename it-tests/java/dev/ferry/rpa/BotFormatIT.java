package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML steps for older screens: fields by caption, css and xpath, repeat until, and fail, in real Chromium. */
class BotFormatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestScreens screens;
    private static BrowserWorker worker;

    @TempDir
    Path evidence;

    @BeforeAll
    static void start() throws Exception {
        screens = new TestScreens();
        worker = new BrowserWorker(1, Chromium.executable().toString(), null, true, nanos -> {
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
    void fieldsAreFoundByTheCaptionInTheCellBeforeThemAndByXpath() {
        ObjectNode output = run("consignee", """
                steps:
                  - goto: "/record?ref=NF-1"
                  - fill: { xpath: "//td[normalize-space()='Name']/following-sibling::td/input", value: "${input.name}" }
                  - fill: { near: "Postal code", value: "${input.zip}" }
                  - select: { near: "Country", option: "Sweden" }
                  - extract: { near: "Status", pattern: "(.+)", into: status }
                  - click: { css: "form button:has-text('Save')" }
                  - expectText: "Saved"
                output:
                  status: "${extracted.status}"
                """, "{\"name\": \"Acme AB\", \"zip\": \"111 22\"}");

        assertThat(screens.posts()).singleElement().satisfies(post -> assertThat(post.fields())
                .containsEntry("name", "Acme AB").containsEntry("zip", "111 22").containsEntry("country", "SE")
                .containsEntry("zip-check", "1"));
        assertThat(output.path("status").asText()).isEqualTo("Pending approval");
    }

    @Test
    void aCaptionWithoutAFieldIsAScreenChangeNamingTheCaption() {
        BotRunException failure = catchThrowableOfType(() -> run("no-field", """
                steps:
                  - goto: "/record?ref=NF-1"
                  - fill: { near: "Reference", value: "x" }
                """, "{}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.SCREEN_CHANGED);
        assertThat(failure.getMessage()).isEqualTo("The test screens screen has changed: no field after 'Reference' on"
                + " the page 'Consignee'.");
    }

    @Test
    void repeatRunsItsStepsUntilTheTextIsThereOrTheElementGone() {
        BotRun run = botRun("counting", """
                steps:
                  - goto: /counter
                  - repeat:
                      until: { exists: { text: "Count: 3" } }
                      max: 10
                      steps:
                        - click: { role: button, name: "Add one" }
                  - repeat:
                      until: { missing: { css: "p.notice" } }
                      max: 10
                      steps:
                        - click: { role: button, name: "Dismiss" }
                  - extract: { css: "#count", pattern: "Count: (\\\\d+)", into: count }
                output:
                  count: "${extracted.count}"
                """, "{}");

        ObjectNode output = worker.run("counting", run::execute);

        // the page is looked at before each round: three clicks each, no fourth
        assertThat(output.path("count").asText()).isEqualTo("3");
        assertThat(run.stepTimes()).extracting(BotSession.StepTime::step).containsExactly("goto", "click", "click",
                "click", "click", "click", "click", "extract");
    }

    @Test
    void aRepeatBeyondItsMaximumFailsTheRunSayingSo() {
        BotRunException failure = catchThrowableOfType(() -> run("endless", """
                steps:
                  - goto: /counter
                  - repeat:
                      until: { exists: { text: "Count: 5" } }
                      max: 3
                      steps:
                        - click: { role: button, name: "Add one" }
                        - expectText: "Count:"
                """, "{}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.SCREEN_CHANGED);
        assertThat(failure.failure().transientFailure()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("The test screens did not show the text 'Count: 5' after 3 rounds"
                + " of the repeated steps, the most the bot allows (max: 3), on the page 'Counter'.");
        assertThat(failure.detail()).isEqualTo("rpa-bots/test/endless.yaml:5:5: repeat: 3 rounds without text"
                + " 'Count: 5'");
    }

    @Test
    void failEndsTheRunAsRefusedDataWithTheReasonForPeopleAndNoRetry() {
        BotRunException failure = catchThrowableOfType(() -> run("missing", """
                steps:
                  - goto: "/record?ref=${input.ref}"
                  - if:
                      exists: { text: "No record found" }
                      then:
                        - fail: { code: RECORD_NOT_FOUND, reason: "No consignment ${input.ref} on the test screens" }
                  - fill: { near: "Postal code", value: "1" }
                """, "{\"ref\": \"NF-404\"}"), BotRunException.class);

        assertThat(failure.code()).isEqualTo(BotFailure.DATA_REFUSED);
        assertThat(failure.failure().transientFailure()).isFalse();
        assertThat(failure.failure().reason()).isEqualTo("No consignment NF-404 on the test screens"
                + " (RECORD_NOT_FOUND)");
        assertThat(failure.failure().detail()).isEqualTo("bot missing DATA_REFUSED: rpa-bots/test/missing.yaml:8:11:"
                + " fail RECORD_NOT_FOUND");
        assertThat(evidence.resolve("screenshot.png")).isNotEmptyFile();
        assertThat(screens.posts()).isEmpty();
    }

    private ObjectNode run(String name, String steps, String input) {
        BotRun run = botRun(name, steps, input);
        return worker.run(name, run::execute);
    }

    private BotRun botRun(String name, String steps, String input) {
        Bot bot = BotFileReader.read("name: " + name + "\nsystem: test-screens\n" + steps, "rpa-bots/test/" + name
                + ".yaml");
        return new BotRun(bot, screens.baseUrl(), "the test screens", read(input), new Secrets(Map.of()),
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
