package dev.ferry.scheduling;

import dev.ferry.system.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/schedules: each schedule with its trigger, policy and last run; its recent runs; pause, resume and
 * run now. Reading needs REVIEWER or ADMIN, acting ADMIN (SecurityConfig).
 */
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    record ScheduleList(List<ScheduleView> items) {
    }

    record ScheduleRuns(String schedule, List<ScheduleRun> items) {
    }

    record Fired(String schedule, String status) {
    }

    @GetMapping
    ScheduleList list() {
        return new ScheduleList(schedules.list());
    }

    @ApiResponse(responseCode = "200", description = "The schedule.",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @GetMapping("/{name}")
    ResponseEntity<?> one(@PathVariable String name) {
        return schedules.find(name).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(name));
    }

    @ApiResponse(responseCode = "200", description = "Its recent runs, newest first.",
            content = @Content(schema = @Schema(implementation = ScheduleRuns.class)))
    @GetMapping("/{name}/runs")
    ResponseEntity<?> runs(@PathVariable String name, @RequestParam(defaultValue = "50") int limit) {
        if (!schedules.known(name)) {
            return notFound(name);
        }
        return ResponseEntity.ok(new ScheduleRuns(name, schedules.recent(name, limit)));
    }

    @ApiResponse(responseCode = "200", description = "Paused; the schedule as it is now.",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @PostMapping("/{name}/pause")
    ResponseEntity<?> pause(@PathVariable String name, Authentication user) throws SchedulerException {
        return answer(name, schedules.pause(name, user.getName()));
    }

    @ApiResponse(responseCode = "200", description = "Resumed; the schedule as it is now.",
            content = @Content(schema = @Schema(implementation = ScheduleView.class)))
    @PostMapping("/{name}/resume")
    ResponseEntity<?> resume(@PathVariable String name, Authentication user) throws SchedulerException {
        return answer(name, schedules.resume(name, user.getName()));
    }

    @ApiResponse(responseCode = "202", description = "Fired now, beside its cron.",
            content = @Content(schema = @Schema(implementation = Fired.class)))
    @PostMapping("/{name}/run")
    ResponseEntity<?> run(@PathVariable String name, Authentication user) throws SchedulerException {
        return switch (schedules.runNow(name, user.getName())) {
            case DONE -> ResponseEntity.accepted().body(new Fired(name, "FIRED"));
            case NOT_FOUND -> notFound(name);
            case NOT_IN_USE -> notScheduled(name);
        };
    }

    private ResponseEntity<?> answer(String name, Schedules.Outcome outcome) {
        return switch (outcome) {
            case DONE -> ResponseEntity.ok(schedules.find(name).orElseThrow());
            case NOT_FOUND -> notFound(name);
            case NOT_IN_USE -> notScheduled(name);
        };
    }

    private static ResponseEntity<ProblemDetail> notFound(String name) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "schedule-not-found", "Schedule not found",
                "There is no schedule '" + name + "' under ferry.schedules in config/ (GET /api/schedules lists them)."));
    }

    private static ResponseEntity<ProblemDetail> notScheduled(String name) {
        return respond(Problems.of(HttpStatus.CONFLICT, "schedule-not-scheduled", "Schedule not in use",
                "The schedule '" + name + "' is configured, but no route starts with quartz:ferry/" + name + "."));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
