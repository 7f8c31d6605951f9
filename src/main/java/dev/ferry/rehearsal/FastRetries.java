package dev.ferry.rehearsal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * In a rehearsal a retry waits 10 ms, not seconds: the recorded answers say how each attempt went, and only the
 * number of attempts (ferry.retry.max-attempts, per system too) decides an order's outcome.
 */
class FastRetries implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Pattern SYSTEM_DELAY = Pattern.compile("^ferry\\.connectors\\.[^.]+\\.retry\\.(initial-delay|max-delay)$");
    private static final String FAST = "10ms";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Map<String, Object> fast = new HashMap<>(Map.of("ferry.retry.initial-delay", FAST, "ferry.retry.max-delay", FAST));
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String name : names.getPropertyNames()) {
                    if (SYSTEM_DELAY.matcher(name).matches()) {
                        fast.put(name, FAST);
                    }
                }
            }
        });
        environment.getPropertySources().addFirst(new MapPropertySource("ferry-rehearsal-retries", fast));
    }
}
