package dev.ferry.rpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.system.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/bots: the bots in rpa-bots/ with their last run, starting a run, reading a run and downloading
 * the evidence files it kept. Reading needs REVIEWER or ADMIN, starting ADMIN (SecurityConfig).
 */
@RestController
@RequestMapping("/api/bots")
class BotsController {

    private static final Pattern BOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Bots bots;
    private final BotRunner runner;
    private final BotRunStore runs;
    private final ObjectMapper json;

    BotsController(Bots bots, BotRunner runner, BotRunStore runs, ObjectMapper json) {
        this.bots = bots;
        this.runner = runner;
        this.runs = runs;
        this.json = json;
    }

    record LastRun(String runId, String status, Instant startedAt) {
    }

    record BotSummary(String name, String system, String description, String problem, LastRun lastRun) {
    }

    record RunView(String runId, String bot, String system, String orderId, String status, String failureCode,
            Instant startedAt, Instant finishedAt, JsonNode input, JsonNode output, String error,
            List<BotArtifact> artifacts,
            @Schema(description = "The trace the run is part of (docs/operations.md#tracing); only with tracing on")
            String traceId) {
    }

    record BotList(List<BotSummary> items) {
    }

    record StartedRun(String runId, String bot, String status) {
    }

    @GetMapping
    BotList list() {
        Map<String, BotRunRecord> latest = runs.latestByBot();
        List<BotSummary> items = bots.list().stream().map(found -> {
            BotRunRecord last = latest.get(found.name());
            Bot bot = found.bot();
            return new BotSummary(found.name(), bot == null ? null : bot.system(),
                    bot == null ? null : bot.description(), found.problem(),
                    last == null ? null : new LastRun(last.id(), last.status(), last.startedAt()));
        }).toList();
        return new BotList(items);
    }

    @ApiResponse(responseCode = "202", description = "The run started; read it at /api/bots/runs/{runId}.",
            content = @Content(schema = @Schema(implementation = StartedRun.class)))
    @PostMapping(path = "/{name}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> start(@PathVariable String name, @RequestBody String body) {
        Bot bot = BOT_NAME.matcher(name).matches() ? bots.list().stream()
                .filter(found -> found.name().equals(name) && found.bot() != null)
                .map(Bots.Found::bot).findFirst().orElse(null) : null;
        if (bot == null) {
            return problem(HttpStatus.NOT_FOUND, "bot-not-found", "Bot not found",
                    "There is no bot '" + name + "' in rpa-bots/ or among the Java bots"
                            + " (GET /api/bots lists them).");
        }
        JsonNode input;
        try {
            input = json.readTree(body);
        } catch (JsonProcessingException e) {
            return invalidInput(List.of(new BotRunner.InputProblem("", "is not JSON: " + e.getOriginalMessage())));
        }
        List<BotRunner.InputProblem> problems = runner.problems(bot, input);
        if (!problems.isEmpty()) {
            return invalidInput(problems);
        }
        String runId = runner.start(bot, input);
        return ResponseEntity.accepted().body(new StartedRun(runId, bot.name(), "RUNNING"));
    }

    @ApiResponse(responseCode = "200", description = "The run, with what it kept.",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @GetMapping("/runs/{runId}")
    ResponseEntity<?> run(@PathVariable String runId) {
        BotRunRecord run = RUN_ID.matcher(runId).matches() ? runs.find(runId).orElse(null) : null;
        if (run == null) {
            return runNotFound(runId);
        }
        return ResponseEntity.ok(new RunView(run.id(), run.bot(), run.system(), run.orderId(), run.status(),
                run.failureCode(), run.startedAt(), run.finishedAt(), parse(run.input()), parse(run.output()),
                run.error(), runs.artifacts(run.id()), run.traceId()));
    }

    @ApiResponse(responseCode = "200", description = "The file: a screenshot, the page's HTML or a Playwright trace.",
            content = {@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/html", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/runs/{runId}/artifacts/{file}")
    ResponseEntity<?> artifact(@PathVariable String runId, @PathVariable String file) {
        // only the known names, inside the folder of a recorded run: nothing else can be reached
        if (!RUN_ID.matcher(runId).matches() || BotRunStore.kind(file) == null || runs.find(runId).isEmpty()) {
            return runNotFound(runId);
        }
        Path path = runs.folder(runId).resolve(file);
        if (!Files.isRegularFile(path)) {
            return problem(HttpStatus.NOT_FOUND, "artifact-not-found", "Artifact not found",
                    "The bot run " + runId + " kept no " + file + ".");
        }
        if (file.endsWith(".png")) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new FileSystemResource(path));
        }
        if (file.endsWith(".zip")) {
            // open it with: npx playwright show-trace <file>, or drop it on trace.playwright.dev
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("bot-run-" + runId + "-" + file).build().toString())
                    .body(new FileSystemResource(path));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bot-run-" + runId + "-" + file).build().toString())
                .body(new FileSystemResource(path));
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private static ResponseEntity<ProblemDetail> invalidInput(List<BotRunner.InputProblem> problems) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid bot input",
                "The input does not match the bot's input schema; no run was started.");
        List<Map<String, String>> errors = problems.stream().map(p -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("pointer", p.pointer());
            error.put("message", p.message());
            return error;
        }).toList();
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> runNotFound(String runId) {
        return problem(HttpStatus.NOT_FOUND, "bot-run-not-found", "Bot run not found",
                "There is no bot run " + runId + ", or it kept no such file.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail) {
        return respond(Problems.of(status, slug, title, detail));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
