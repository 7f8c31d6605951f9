package dev.ferry.scheduling;

import java.time.Instant;
import java.util.List;
import org.quartz.SchedulerException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /schedules for people: every schedule with its state, fire times, policy and last run, and one schedule's
 * recent runs. An ADMIN pauses, resumes and runs them (SecurityConfig refuses anyone else's POST); every
 * action answers with a redirect, so reloading the page never acts twice.
 */
@Controller
@RequestMapping("/schedules")
class SchedulesPage {

    private static final int RUNS_SHOWN = 50;
    private static final String LIST = "redirect:/schedules";
    private static final String ONE = "redirect:/schedules/{name}";

    private final Schedules schedules;

    SchedulesPage(Schedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    String list(Model model) {
        Instant now = Instant.now();
        model.addAttribute("schedules", schedules.list().stream().map(s -> SchedulePageView.of(s, now)).toList());
        return "schedules/list";
    }

    @GetMapping("/{name}")
    String one(@PathVariable String name, Model model) {
        Instant now = Instant.now();
        SchedulePageView.Schedule schedule = SchedulePageView.of(find(name), now);
        List<SchedulePageView.Run> runs = schedules.recent(name, RUNS_SHOWN).stream()
                .map(run -> SchedulePageView.run(run, now)).toList();
        model.addAttribute("schedule", schedule);
        model.addAttribute("runs", runs);
        model.addAttribute("runsShown", RUNS_SHOWN);
        // while a run goes (or one was just asked for) the page follows it by reloading itself: no script needed
        if (runs.stream().anyMatch(SchedulePageView.Run::running)) {
            model.addAttribute("moving", true);
        }
        return "schedules/detail";
    }

    @PostMapping("/{name}/pause")
    String pause(@PathVariable String name, @RequestParam(required = false) String from, Authentication user,
            RedirectAttributes flash) throws SchedulerException {
        if (done(name, schedules.pause(name, user.getName()), "pause", flash)) {
            flash.addFlashAttribute("notice", name + " is paused: it does not run until someone resumes it.");
        }
        return back(from);
    }

    @PostMapping("/{name}/resume")
    String resume(@PathVariable String name, @RequestParam(required = false) String from, Authentication user,
            RedirectAttributes flash) throws SchedulerException {
        if (done(name, schedules.resume(name, user.getName()), "resume", flash)) {
            String next = SchedulePageView.of(find(name), Instant.now()).next().utc();
            flash.addFlashAttribute("notice", name + " is resumed" + (next.isEmpty() ? "." : ": next run " + next + "."));
        }
        return back(from);
    }

    // always to the schedule's own page, where the run shows among its recent runs
    @PostMapping("/{name}/run")
    String run(@PathVariable String name, Authentication user, RedirectAttributes flash) throws SchedulerException {
        if (done(name, schedules.runNow(name, user.getName()), "run", flash)) {
            flash.addFlashAttribute("notice", "Run of " + name + " started.");
            flash.addFlashAttribute("moving", true);
        }
        return ONE;
    }

    @ExceptionHandler(ScheduleNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("what", "schedule");
        return "not-found";
    }

    // a page, not problem+json: the global API handler would otherwise answer a person with JSON
    @ExceptionHandler({SchedulerException.class, IllegalStateException.class})
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String quartzFailed(Model model) {
        model.addAttribute("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
        return "error";
    }

    private ScheduleView find(String name) {
        return schedules.find(name).orElseThrow(ScheduleNotFound::new);
    }

    private static boolean done(String name, Schedules.Outcome outcome, String action, RedirectAttributes flash) {
        return switch (outcome) {
            case DONE -> true;
            case NOT_FOUND -> throw new ScheduleNotFound();
            case NOT_IN_USE -> {
                flash.addFlashAttribute("problem", "No route uses " + name + ", so there is nothing to " + action
                        + ". A route starts it with quartz:ferry/" + name + ".");
                yield false;
            }
        };
    }

    // where the form was: the list says so in a hidden field; the URL is built here, never taken from the request
    private static String back(String from) {
        return "list".equals(from) ? LIST : ONE;
    }

    static class ScheduleNotFound extends RuntimeException {
        ScheduleNotFound() {
            super("There is no such schedule.");
        }
    }
}
