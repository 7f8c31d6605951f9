package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessorsFactory;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxPortsTests {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application-sandbox.yaml", properties));
        return environment;
    }

    private static void postProcess(StandardEnvironment environment) {
        new SandboxPorts().postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void replacesEveryZeroPortWithADistinctFreeOne() {
        StandardEnvironment environment = environment(new HashMap<>(Map.of("ferry.sandbox.enabled", "true",
                "ferry.sandbox.crm.port", "${FERRY_SANDBOX_CRM_PORT_UNSET:0}", "ferry.sandbox.erp.port", "0")));

        postProcess(environment);

        List<Integer> ports = SandboxPorts.portProperties().stream()
                .map(port -> environment.getProperty(port, Integer.class)).toList();
        assertThat(ports).hasSize(5).doesNotContainNull().doesNotHaveDuplicates().allMatch(port -> port > 0);
        assertThat(environment.resolvePlaceholders("http://localhost:${ferry.sandbox.erp.port}"))
                .isEqualTo("http://localhost:" + ports.get(1));
        assertThat(environment.resolvePlaceholders("http://localhost:${ferry.sandbox.portal.port}"))
                .isEqualTo("http://localhost:" + ports.get(4));
    }

    @Test
    void keepsAConfiguredPort() {
        StandardEnvironment environment = environment(Map.of("ferry.sandbox.enabled", "true",
                "ferry.sandbox.shipping.port", "9104"));

        postProcess(environment);

        assertThat(environment.getProperty("ferry.sandbox.shipping.port")).isEqualTo("9104");
    }

    @Test
    void leavesTheEnvironmentAloneOutsideTheSandbox() {
        StandardEnvironment environment = environment(Map.of("ferry.sandbox.enabled", "false"));

        postProcess(environment);

        assertThat(environment.getPropertySources().contains(SandboxPorts.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void isFoundAndMadeBySpringBoot() {
        assertThat(EnvironmentPostProcessorsFactory.fromSpringFactories(getClass().getClassLoader())
                .getEnvironmentPostProcessors(new DeferredLogs(), new DefaultBootstrapContext()))
                .hasAtLeastOneElementOfType(SandboxPorts.class);
    }
}
