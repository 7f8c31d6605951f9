package dev.ferry.sandbox;

import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code --ferry.mode=sandbox-only}: the simulated world alone — CRM, ERP, accounting, shipping and the
 * legacy portal, on the ports of {@code ferry.sandbox.*} — with no broker, database or routes, so several
 * Ferry nodes ({@code ferry.sandbox.enabled=false}) can share one set of systems. Its control port
 * ({@code ferry.sandbox.control.port}) lets a test or an operator see what the systems hold.
 */
// not a @Configuration: Ferry's own component scan must not start a second world beside its own
@EnableConfigurationProperties(SandboxSettings.class)
public class SandboxOnly {

    static final String MODE = "sandbox-only";

    /** True when the arguments or FERRY_MODE ask for the sandbox alone. */
    public static boolean requested(String[] args, Map<String, String> env) {
        return Arrays.asList(args).contains("--ferry.mode=" + MODE) || MODE.equals(env.get("FERRY_MODE"));
    }

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
