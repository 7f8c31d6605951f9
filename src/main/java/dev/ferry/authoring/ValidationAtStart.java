package dev.ferry.authoring;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The check of {@code ferry validate}, run once the configuration is read and before anything starts: a home
 * with a mistake stops Ferry in a second with one line per mistake, instead of a stack trace after the broker
 * and the store have started, or an order flagged for a mapping that never parsed.
 * {@code ferry.validate-at-start=false} skips it. A setting under {@code ferry.} that nothing reads stops the
 * start too when a config file sets it (a typo would lose the setting without a word), but not when an
 * environment variable does: a FERRY_ variable may be meant for another tool.
 */
public final class ValidationAtStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private final PrintStream err;
    private final Runnable stop;

    /** {@code stop}: what ends the start (System.exit(2) in Ferry); {@code err}: where the mistakes go. */
    public ValidationAtStart(PrintStream err, Runnable stop) {
        this.err = err;
        this.stop = stop;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String home = environment.getProperty("ferry.home");
        if (home == null || !environment.getProperty("ferry.validate-at-start", Boolean.class, true)) {
            return;
        }
        List<Mistake> mistakes = Validator.forRunningFerry(Path.of(home), environment).mistakes();
        if (mistakes.isEmpty()) {
            return;
        }
        mistakes.forEach(err::println);
        err.println("Ferry cannot start: " + mistakes.size() + (mistakes.size() == 1 ? " mistake" : " mistakes")
                + " in the files of " + home + " (the check of `java -jar ferry.jar validate`; docs/routes.md)");
        stop.run();
    }
}
