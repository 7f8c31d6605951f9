package dev.ferry.devmode;

import dev.ferry.authoring.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * {@code ferry.dev=true} (on in the sandbox profile): a change to routes/, connectors/ or rpa-bots/ is checked and
 * applied while Ferry runs (docs/routes.md#dev-mode-changes-applied-while-ferry-runs). The watch starts once Ferry
 * is ready, so a change never meets a Camel that is still starting.
 */
@Component
@ConditionalOnProperty(name = "ferry.dev", havingValue = "true")
class DevMode implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private final Path home;
    private final Reloader reloader;
    private final Duration quiet;
    private final Duration longest;
    private FileWatcher watcher;

    DevMode(@Value("${ferry.home}") String home, CamelContext camel, ConfigurableEnvironment environment,
            @Value("${ferry.dev-quiet:200ms}") Duration quiet, @Value("${ferry.dev-longest-wait:1s}") Duration longest) {
        this.home = Path.of(home).toAbsolutePath().normalize();
        this.reloader = new Reloader(this.home, (ModelCamelContext) camel,
                () -> Validator.forRunningFerry(this.home, environment).mistakes(), Clock.systemUTC());
        this.quiet = quiet;
        this.longest = longest;
    }

    ReloadResult last() {
        return reloader.last();
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (watcher != null) {
            return;
        }
        reloader.remember();
        watcher = new FileWatcher(home, new Debounce(quiet, longest), reloader::warmUp, reloader::reload);
        watcher.start();
    }

    @Override
    public synchronized void destroy() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
