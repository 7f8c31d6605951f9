package dev.ferry.sandbox;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code --ferry.mode=sandbox-only}, or this module's standalone jar: the simulated world alone — CRM, ERP, accounting, shipping and the
 * legacy portal, on the ports of {@code ferry.sandbox.*} — with no broker, database or routes, so several
 * Ferry nodes ({@code ferry.sandbox.enabled=false}) can share one set of systems. Its control port
 * ({@code ferry.sandbox.control.port}) lets a test or an operator see what the systems hold.
 */
// not a @Configuration: Ferry's own component scan must not start a second world beside its own
@EnableConfigurationProperties(SandboxSettings.class)
public class SandboxOnly {

    /**
     * {@code java -jar ferry-sandbox-standalone.jar}: the systems alone, configured like Ferry from config/ of
     * FERRY_HOME ({@code --ferry.home}, else the working directory), so they listen where Ferry's connectors call.
     */
    public static void main(String[] args) {
        String home = System.getenv().getOrDefault("FERRY_HOME", ".");
        for (String arg : args) {
            if (arg.startsWith("--ferry.home=")) {
                home = arg.substring("--ferry.home=".length());
            }
        }
        Path path = Path.of(home).toAbsolutePath().normalize();
        run(args, Map.of("ferry.home", path.toString(),
                "spring.config.additional-location", "optional:file:" + path.resolve("config") + "/"));
    }

    /** The systems alone, with Ferry's defaults (its home and config/); Ferry's {@code --ferry.mode=sandbox-only}. */
    public static void run(String[] args, Map<String, Object> defaults) {
        SpringApplication app = new SpringApplication(SandboxOnly.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(defaults);
        // the systems' own threads keep the JVM alive until it is stopped
        app.run(args);
    }

    @Bean(destroyMethod = "stop")
    SandboxSystems sandboxSystems(SandboxSettings settings) {
        return SandboxSystems.start(settings);
    }

    @Bean(destroyMethod = "stop")
    SandboxControl sandboxControl(SandboxSystems systems, @Value("${ferry.sandbox.control.port:0}") int port) {
        return SandboxControl.start(systems, port);
    }
}
