package dev.ferry.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.camel.Endpoint;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.spi.EndpointStrategy;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every quartz: endpoint a route creates names a schedule of config/ ({@code quartz:ferry/<name>}) and gets
 * that schedule's misfire policy as its trigger's misfire instruction. Camel replaces a stored trigger only
 * when its cron changed, so a stored trigger whose misfire instruction or time zone no longer matches is
 * removed here, before Camel looks, and Camel schedules it afresh.
 */
class ScheduledEndpoints implements EndpointStrategy {

    private static final Logger log = LoggerFactory.getLogger(ScheduledEndpoints.class);

    private final SchedulingSettings settings;
    private final Scheduler scheduler;

    ScheduledEndpoints(SchedulingSettings settings, Scheduler scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof QuartzEndpoint quartz) {
            configure(quartz);
        }
        return endpoint;
    }

    private void configure(QuartzEndpoint endpoint) {
        String name = endpoint.getTriggerKey().getName();
        if (!ScheduleControl.GROUP.equals(endpoint.getTriggerKey().getGroup())) {
            throw new IllegalArgumentException("A scheduled route starts with quartz:ferry/<schedule>, its cron under"
                    + " ferry.schedules.<schedule> in config/; " + endpoint.getEndpointBaseUri() + " does not");
        }
        SchedulingSettings.Schedule schedule = settings.schedule(name);
        if (schedule == null) {
            throw new IllegalArgumentException("The route of " + endpoint.getEndpointBaseUri()
                    + " names the schedule '" + name + "', but config/ has no ferry.schedules." + name);
        }
        Map<String, Object> trigger = new HashMap<>(endpoint.getTriggerParameters() == null ? Map.of()
                : endpoint.getTriggerParameters());
        int instruction = schedule.policy().misfire().quartzInstruction();
        trigger.put("misfireInstruction", instruction);
        endpoint.setTriggerParameters(trigger);
        // the trigger stays in the database while Ferry is down, so its next fire time is known at the next start
        endpoint.setDeleteJob(false);
        replaceIfOutdated(name, instruction, (String) trigger.get("timeZone"));
    }

    private void replaceIfOutdated(String name, int instruction, String timeZone) {
        try {
            Trigger stored = scheduler.getTrigger(ScheduleControl.key(name));
            if (stored instanceof CronTrigger cron && (cron.getMisfireInstruction() != instruction
                    || (timeZone != null && !Objects.equals(cron.getTimeZone(), TimeZone.getTimeZone(timeZone))))) {
                log.info("Schedule {}: its misfire policy or time zone changed in config/; its trigger is replaced", name);
                scheduler.unscheduleJob(stored.getKey());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz cannot read the stored trigger of schedule " + name, e);
        }
    }
}
