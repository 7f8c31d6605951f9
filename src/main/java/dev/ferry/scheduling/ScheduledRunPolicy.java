package dev.ferry.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Around every run of a scheduled route: claims the schedule (or records the fire as SKIPPED_OVERLAP and
 * stops the exchange before its first step), then records how the run went and pauses the schedule
 * after too many failures in a row. One instance per scheduled route.
 */
class ScheduledRunPolicy extends RoutePolicySupport {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRunPolicy.class);
    private static final String RUN_ID = "ferryScheduleRunId";

    private final ScheduleRuns runs;
    private final ScheduleControl control;
    private final Clock clock;

    ScheduledRunPolicy(ScheduleRuns runs, ScheduleControl control, Clock clock) {
        this.runs = runs;
        this.control = control;
        this.clock = clock;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String schedule = schedule(route);
        Instant planned = planned(exchange);
        Optional<Long> run = runs.start(schedule, planned, clock.instant());
        if (run.isPresent() && firedByPausedTrigger(schedule, exchange)) {
            runs.withdrawn(run.get(), RunOutcome.SKIPPED_PAUSED,
                    "The schedule was paused as this fire came, so it did not run.", clock.instant());
            log.info("Schedule {}: the fire planned for {} came as the schedule was paused; it did not run",
                    schedule, planned);
            exchange.setRouteStop(true);
            return;
        }
        if (run.isPresent()) {
            exchange.setProperty(RUN_ID, run.get());
            return;
        }
        runs.notRun(schedule, planned, RunOutcome.SKIPPED_OVERLAP,
                "The previous run was still going, so this fire was skipped.", clock.instant());
        log.info("Schedule {}: the fire planned for {} was skipped, the previous run is still going", schedule, planned);
        // ends the exchange before the route's first step
        exchange.setRouteStop(true);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            return;
        }
        String schedule = schedule(route);
        Integer items = exchange.getProperty(ScheduleRun.ITEMS, Integer.class);
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            runs.finished(id, RunOutcome.OK, items, null, false, clock.instant());
            return;
        }
        String error = exchange.getProperty(ScheduleRun.ERROR, String.class);
        if (error == null || error.isBlank()) {
            error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        }
        SchedulePolicy policy = control.policy(schedule);
        int failures = runs.consecutiveFailures(schedule, Math.max(1, policy.pauseAfterFailures())) + 1;
        boolean pause = policy.pausesAfter(failures);
        // pausing before the run lets go of its schedule: a fire that comes meanwhile meets the run and is
        // skipped, and one Quartz fired just before the pause sees it once it has the schedule
        if (pause) {
            control.pauseAfterFailures(schedule, failures, error);
        }
        runs.finished(id, RunOutcome.FAILED, items, pause ? error + " The schedule is paused after " + failures
                + " failed runs in a row." : error, pause, clock.instant());
    }

    /**
     * A fire of the schedule's own trigger that Quartz handed out just before the trigger was paused; a run
     * started through the API (a trigger of its own) goes even while the schedule is paused.
     */
    private boolean firedByPausedTrigger(String schedule, Exchange exchange) {
        String trigger = exchange.getMessage().getHeader("triggerName", String.class);
        String group = exchange.getMessage().getHeader("triggerGroup", String.class);
        return schedule.equals(trigger) && ScheduleControl.GROUP.equals(group) && control.paused(schedule);
    }

    static String schedule(Route route) {
        return ((QuartzEndpoint) route.getEndpoint()).getTriggerKey().getName();
    }

    private Instant planned(Exchange exchange) {
        Date planned = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        return planned == null ? clock.instant() : planned.toInstant();
    }
}
