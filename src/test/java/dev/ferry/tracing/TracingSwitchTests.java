package dev.ferry.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTests {

    @Test
    void offLeavesTracingOutBesideWhatTheConfigurationExcludes() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration");

        new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.autoconfigure.exclude").split(","))
                .contains("com.example.SomeAutoConfiguration")
                .containsAll(TracingSwitch.TRACING);
    }

    @Test
    void onLeavesTheConfigurationAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("management.tracing.enabled", "true");

        new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }
}
