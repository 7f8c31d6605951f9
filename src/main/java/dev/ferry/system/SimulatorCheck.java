package dev.ferry.system;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start the sandbox profile ({@code ferry.sandbox.enabled}) without the simulated systems: one line
 * and exit code 2, where Ferry would otherwise start with its connectors pointing at ports nobody listens on.
 */
public class SimulatorCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getEnvironment().getProperty("ferry.sandbox.enabled", Boolean.class, false) && !Simulator.present()) {
            System.err.println("Ferry cannot start: the sandbox profile runs simulated CRM, ERP, accounting and"
                    + " shipping systems, but " + Simulator.NOT_IN_THIS_BUILD + ". Try the sandbox from the source"
                    + " tree with ./mvnw spring-boot:run; run this jar with the real systems of config/ in the"
                    + " embedded or cluster profile (FERRY_PROFILE=embedded, docs/operations.md), or against the"
                    + " simulated ones started apart (java -jar sandbox/target/ferry-sandbox-standalone.jar,"
                    + " docs/sandbox.md).");
            System.exit(DataDirCheck.EXIT_CODE);
        }
    }
}
