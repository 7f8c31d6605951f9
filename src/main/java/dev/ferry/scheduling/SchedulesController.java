package dev.ferry.scheduling;

import dev.ferry.system.Problems;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.core.Authentication;
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

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    private final ScheduleControl schedules;
    private final ScheduleRuns runs;

    SchedulesController(ScheduleControl schedules, ScheduleRuns runs) {
        this.schedules = schedules;
        this.runs = runs;
    }

    record ScheduleView(String name, String cron, String timeZone, java.time.Instant nextFireTime,
            java.time.Instant previousFireTime, String state, SchedulePolicy policy, ScheduleRun lastRun) {
    }

    @GetMapping
    Map<String, Object> list() {
        Map<String, ScheduleRun> latest = runs.latest();
        return Map.of("items", schedules.list().stream().map(s -> view(s, latest.get(s.name()))).toList());
    }

    @GetMapping("/{name}")
    ResponseEntity<?> one(@PathVariable String name) {
        return known(name) ? ResponseEntity.ok(view(schedules.find(name).orElseThrow(),
                runs.latest().get(name))) : notFound(name);
    }

    @GetMapping("/{name}/runs")
    ResponseEntity<?> runs(@PathVariable String name, @RequestParam(defaultValue = "50") int limit) {
        if (!known(name)) {
            return notFound(name);
        }
        List<ScheduleRun> recent = runs.recent(name, Math.min(Math.max(limit, 1), 500));
        return ResponseEntity.ok(Map.of("schedule", name, "items", recent));
    }

    @PostMapping("/{name}/pause")
    ResponseEntity<?> pause(@PathVariable String name, Authentication user) throws SchedulerException {
        return act(name, known(name) && schedules.pause(name, user.getName()));
    }

    @PostMapping("/{name}/resume")
    ResponseEntity<?> resume(@PathVariable String name, Authentication user) throws SchedulerException {
        return act(name, known(name) && schedules.resume(name, user.getName()));
    }

    @PostMapping("/{name}/run")
    ResponseEntity<?> run(@PathVariable String name, Authentication user) throws SchedulerException {
        if (!known(name)) {
            return notFound(name);
        }
        if (!schedules.runNow(name, user.getName())) {
            return notScheduled(name);
        }
        return ResponseEntity.accepted().body(Map.of("schedule", name, "status", "FIRED"));
    }

    private ResponseEntity<?> act(String name, boolean done) {
        if (!known(name)) {
            return notFound(name);
        }
        return done ? ResponseEntity.ok(view(schedules.find(name).orElseThrow(), runs.latest().get(name)))
                : notScheduled(name);
    }

    private boolean known(String name) {
        return NAME.matcher(name).matches() && schedules.configured().containsKey(name);
    }

    private static ScheduleView view(ScheduleControl.View s, ScheduleRun last) {
        return new ScheduleView(s.name(), s.cron(), s.timeZone(), s.nextFireTime(), s.previousFireTime(), s.state(),
                s.policy(), last);
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
