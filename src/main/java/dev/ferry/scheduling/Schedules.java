package dev.ferry.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Component;

/**
 * The schedules as people and scripts see them — each with its newest run — and what may be done to one.
 * The API and the page both go through here, so they agree on what a name means and what an action did.
 */
@Component
class Schedules {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");
    private static final int MOST_RUNS = 500;

    /** What an action came to: done, no such schedule, or a schedule no route uses. */
    enum Outcome {
        DONE, NOT_FOUND, NOT_IN_USE
    }

    private final ScheduleControl control;
    private final ScheduleRuns runs;

    Schedules(ScheduleControl control, ScheduleRuns runs) {
        this.control = control;
        this.runs = runs;
    }

    List<ScheduleView> list() {
        Map<String, ScheduleRun> latest = runs.latest();
        return control.list().stream().map(s -> view(s, latest.get(s.name()))).toList();
    }

    /** Empty for a name that is not under ferry.schedules. */
    Optional<ScheduleView> find(String name) {
        if (!known(name)) {
            return Optional.empty();
        }
        return control.find(name).map(s -> view(s, runs.latest().get(name)));
    }

    /** Newest first, between 1 and 500 of them; empty for a name that is not under ferry.schedules. */
    List<ScheduleRun> recent(String name, int limit) {
        return known(name) ? runs.recent(name, Math.min(Math.max(limit, 1), MOST_RUNS)) : List.of();
    }

    boolean known(String name) {
        return name != null && NAME.matcher(name).matches() && control.configured().containsKey(name);
    }

    Outcome pause(String name, String actor) throws SchedulerException {
        return known(name) ? done(control.pause(name, actor)) : Outcome.NOT_FOUND;
    }

    Outcome resume(String name, String actor) throws SchedulerException {
        return known(name) ? done(control.resume(name, actor)) : Outcome.NOT_FOUND;
    }

    /** A fire like any other: skipped if a run is still going, and it runs on a paused schedule too. */
    Outcome runNow(String name, String actor) throws SchedulerException {
        return known(name) ? done(control.runNow(name, actor)) : Outcome.NOT_FOUND;
    }

    private static Outcome done(boolean scheduled) {
        return scheduled ? Outcome.DONE : Outcome.NOT_IN_USE;
    }

    private static ScheduleView view(ScheduleControl.View s, ScheduleRun last) {
        return new ScheduleView(s.name(), s.cron(), s.timeZone(), s.nextFireTime(), s.previousFireTime(), s.state(),
                s.policy(), last);
    }
}
