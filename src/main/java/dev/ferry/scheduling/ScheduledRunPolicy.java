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
        runs.finished(id, RunOutcome.FAILED, items, pause ? error + " The schedule is paused after " + failures
                + " failed runs in a row." : error, pause, clock.instant());
        if (pause) {
            control.pauseAfterFailures(schedule, failures, error);
        }
    }

    static String schedule(Route route) {
        return ((QuartzEndpoint) route.getEndpoint()).getTriggerKey().getName();
    }

    private Instant planned(Exchange exchange) {
        Date planned = exchange.getMessage().getHeader("scheduledFireTime", Date.class);
        return planned == null ? clock.instant() : planned.toInstant();
    }
}
