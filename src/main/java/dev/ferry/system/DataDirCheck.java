package dev.ferry.system;

import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start when Ferry cannot write under {@code ferry.data-dir}: one line and exit code 2, within
 * seconds, instead of H2 and the broker failing one after the other minutes later with pages of trace.
 * Runs once the configuration is read (so FERRY_DATA_DIR, config/ and --ferry.data-dir all count) and
 * before any bean exists.
 */
public class DataDirCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final int EXIT_CODE = 2;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String configured = event.getEnvironment().getProperty("ferry.data-dir");
        if (configured == null || configured.isBlank()) {
            return;
        }
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        String problem = DataDir.problem(dir);
        if (problem != null) {
            System.err.println("Ferry cannot start: " + problem + ". Ferry keeps its database and queue under"
                    + " ferry.data-dir (FERRY_DATA_DIR): make it writable for this user, or point it elsewhere.");
            System.exit(EXIT_CODE);
        }
    }
}
