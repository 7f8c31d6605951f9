package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Schedules as an operator sees them: a run longer than its interval never overlaps the next (those fires
 * are recorded as SKIPPED_OVERLAP), a failing schedule pauses itself, and the API pauses, resumes and runs
 * schedules for an ADMIN only.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:${ferry.home}/routes/*.yaml,classpath:schedules-it/*.yaml",
        "ferry.schedules.slow-sync.cron=* * * * * ?",
        "ferry.schedules.failing-sync.cron=* * * * * ?",
        "ferry.schedules.failing-sync.pause-after-failures=3",
        // the sandbox keys again (a list is replaced whole), and a key that may only review
        "ferry.security.api-keys[0].name=sandbox-intake",
        "ferry.security.api-keys[0].sha256=b4e45f437945444ab0085920aa1644012d9710805f732eb2639689a391c2bce7",
        "ferry.security.api-keys[0].roles=INTAKE",
        "ferry.security.api-keys[0].sources=webshop,bench",
        "ferry.security.api-keys[1].name=sandbox-ops",
        "ferry.security.api-keys[1].sha256=89e179d8050e6ed4be0bd0778efd0c72f9799f7c8b4438836b7d3d706c82602c",
        "ferry.security.api-keys[1].roles=INTAKE,REVIEWER,ADMIN,METRICS",
        "ferry.security.api-keys[1].sources=webshop,bench",
        "ferry.security.api-keys[2].name=it-reviewer",
        // it-reviewer-key
        "ferry.security.api-keys[2].sha256=fb70f9800dba102c37ea7a8da15f19577ce4b2c993ff765de9e0547f35be2307",
        "ferry.security.api-keys[2].roles=REVIEWER"
})
@Import(SchedulesIT.Probe.class)
class SchedulesIT extends FerryIntegrationTest {

    private static final String ADMIN_KEY = "ferry-sandbox-ops-key";
    private static final String REVIEWER_KEY = "it-reviewer-key";

    /** Counts the slow-sync runs going at once, and the most ever seen. */
    @TestConfiguration
    static class Probe {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST = new AtomicInteger();

        @Bean("runProbe")
        Probe runProbe() {
            return this;
        }

        public void enter() {
            MOST.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        }

        public void leave() {
            RUNNING.decrementAndGet();
        }
    }

    @Test
    void aRunLongerThanItsIntervalIsNeverOverlappedAndTheFiresItMeetsAreRecordedAsSkipped() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(runs("slow-sync"), "OK") >= 3 && count(runs("slow-sync"), "SKIPPED_OVERLAP") >= 3);

        List<JsonNode> runs = runs("slow-sync");
        assertThat(Probe.MOST.get()).isEqualTo(1);
        List<JsonNode> done = withOutcome(runs, "OK");
        assertThat(done).allSatisfy(run -> assertThat(run.path("items").asInt()).isEqualTo(7));
        List<JsonNode> skipped = withOutcome(runs, "SKIPPED_OVERLAP");
        // each skipped fire keeps its own planned time, a whole second of the cron, and was met by a run still going
        assertThat(skipped).extracting(run -> run.path("plannedAt").asText()).doesNotHaveDuplicates();
        assertThat(skipped).allSatisfy(skip -> {
            Instant planned = Instant.parse(skip.path("plannedAt").asText());
            assertThat(planned.getNano()).isZero();
            Instant at = Instant.parse(skip.path("startedAt").asText());
            // the run that met it may still be going as the history is read; a run's finishedAt is read from the
            // clock just before the update that frees the schedule commits, so a fire a moment later still met it
            assertThat(runs.stream().filter(run -> !run.path("outcome").asText().equals("SKIPPED_OVERLAP"))
                    .anyMatch(run -> !at.isBefore(Instant.parse(run.path("startedAt").asText()))
                            && (run.path("finishedAt").isMissingNode()
                                    || !at.isAfter(Instant.parse(run.path("finishedAt").asText()).plusMillis(1000)))))
                    .as("a run was going when the fire planned for %s was skipped", skip.path("plannedAt").asText())
                    .isTrue();
        });
    }

    @Test
    void threeFailuresInARowPauseTheScheduleAndOpenAnInboxItemThatResumingResolves() {
        // the schedule pauses before the run that paused it is recorded: a fire that comes in between is skipped
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "PAUSED".equals(schedule("failing-sync").path("state").asText())
                        && runs("failing-sync").stream().anyMatch(run -> run.path("pausedSchedule").asBoolean()));

        List<JsonNode> failed = withOutcome(runs("failing-sync"), "FAILED");
        assertThat(failed).hasSize(3);
        assertThat(failed.get(0).path("pausedSchedule").asBoolean()).isTrue();
        assertThat(failed.get(0).path("error").asText()).contains("paused after 3 failed runs in a row");
        assertThat(failed.subList(1, 3)).allSatisfy(run -> assertThat(run.path("pausedSchedule").asBoolean()).isFalse());

        List<JsonNode> items = pausedItems("OPEN");
        assertThat(items).hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.path("title").asText()).isEqualTo("Schedule failing-sync paused itself");
        assertThat(item.hasNonNull("orderId")).isFalse();
        assertThat(item.path("reason").asText()).contains("failed 3 times in a row")
                .contains("The last failure: An unexpected error stopped this step");
        String id = item.path("id").asText();
        // a notice has no order to send through again
        HttpResponse<String> replay = post("/api/exceptions/" + id + "/replay", ADMIN_KEY);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(read(replay.body()).path("type").asText()).endsWith("/exception-not-an-order");

        Instant resumedAt = Instant.now();
        assertThat(post("/api/schedules/failing-sync/resume", ADMIN_KEY).statusCode()).isEqualTo(200);
        JsonNode resolved = read(get("/api/exceptions/" + id, ADMIN_KEY).body());
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.path("history")).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("resolved");
            assertThat(entry.path("note").asText()).isEqualTo("Resumed the schedule.");
        });

        // the streak starts afresh: it takes three new failures to pause it again, and that opens a new item
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "PAUSED".equals(schedule("failing-sync").path("state").asText())
                        && runs("failing-sync").stream().filter(run -> run.path("pausedSchedule").asBoolean()).count() == 2);
        List<JsonNode> afterResume = withOutcome(runs("failing-sync"), "FAILED").stream()
                .filter(run -> Instant.parse(run.path("startedAt").asText()).isAfter(resumedAt)).toList();
        assertThat(afterResume).hasSize(3);
        assertThat(afterResume).extracting(run -> run.path("pausedSchedule").asBoolean())
                .containsExactly(true, false, false);
        assertThat(pausedItems("OPEN")).singleElement()
                .satisfies(again -> assertThat(again.path("id").asText()).isNotEqualTo(id));
        assertThat(pausedItems("RESOLVED")).hasSize(1);
    }

    private List<JsonNode> pausedItems(String status) {
        List<JsonNode> items = new ArrayList<>();
        read(get("/api/exceptions?category=SCHEDULE_PAUSED&status=" + status, ADMIN_KEY).body()).path("items")
                .forEach(items::add);
        return items;
    }

    @Test
    void anAdminPausesResumesAndRunsAScheduleNow() {
        HttpResponse<String> paused = post("/api/schedules/crm-order-pull/pause", ADMIN_KEY);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(read(paused.body()).path("state").asText()).isEqualTo("PAUSED");
        assertThat(schedule("crm-order-pull").path("state").asText()).isEqualTo("PAUSED");

        HttpResponse<String> resumed = post("/api/schedules/crm-order-pull/resume", ADMIN_KEY);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(read(resumed.body()).path("state").asText()).isEqualTo("NORMAL");

        assertThat(post("/api/schedules/crm-order-pull/run", ADMIN_KEY).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> count(runs("crm-order-pull"), "OK") == 1);
        JsonNode run = withOutcome(runs("crm-order-pull"), "OK").get(0);
        assertThat(run.path("items").asInt()).isZero();
        assertThat(schedule("crm-order-pull").path("lastRun").path("outcome").asText()).isEqualTo("OK");
    }

    @Test
    void aReviewerReadsSchedulesButMayNotActOnThem() {
        assertThat(get("/api/schedules", REVIEWER_KEY).statusCode()).isEqualTo(200);
        for (String action : List.of("pause", "resume", "run")) {
            assertThat(post("/api/schedules/crm-order-pull/" + action, REVIEWER_KEY).statusCode()).isEqualTo(403);
        }
        assertThat(schedule("crm-order-pull").path("state").asText()).isEqualTo("NORMAL");
    }

    @Test
    void anUnknownScheduleIsA404Problem() {
        HttpResponse<String> response = post("/api/schedules/no-such-schedule/pause", ADMIN_KEY);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(response.body()).path("type").asText()).endsWith("/schedule-not-found");
        assertThat(get("/api/schedules/no-such-schedule/runs", ADMIN_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void theListShowsEachScheduleWithCronTimeZoneFireTimesAndPolicy() {
        JsonNode pull = schedule("crm-order-pull");
        assertThat(pull.path("cron").asText()).isEqualTo("0 0 0 1 1 ? 2099");
        assertThat(pull.path("timeZone").asText()).isEqualTo("UTC");
        assertThat(pull.path("nextFireTime").asText()).startsWith("2099-01-01T00:00:00");
        assertThat(pull.path("policy").path("overlap").asText()).isEqualTo("SKIP");
        assertThat(pull.path("policy").path("misfire").asText()).isEqualTo("RUN_ONCE");
        assertThat(pull.path("policy").path("pauseAfterFailures").asInt()).isEqualTo(3);
        assertThat(schedule("failing-sync").path("policy").path("pauseAfterFailures").asInt()).isEqualTo(3);
    }

    private JsonNode schedule(String name) {
        JsonNode list = read(get("/api/schedules", ADMIN_KEY).body());
        for (JsonNode item : list.path("items")) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("No schedule " + name + " in " + list);
    }

    private List<JsonNode> runs(String name) {
        List<JsonNode> runs = new ArrayList<>();
        read(get("/api/schedules/" + name + "/runs?limit=200", ADMIN_KEY).body()).path("items").forEach(runs::add);
        return runs;
    }

    private static List<JsonNode> withOutcome(List<JsonNode> runs, String outcome) {
        return runs.stream().filter(run -> outcome.equals(run.path("outcome").asText())).toList();
    }

    private static long count(List<JsonNode> runs, String outcome) {
        return withOutcome(runs, outcome).size();
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    private HttpResponse<String> post(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }
}
