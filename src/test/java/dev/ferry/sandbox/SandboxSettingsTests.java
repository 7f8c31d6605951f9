package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class SandboxSettingsTests {

    @Test
    void bindsTheSandboxProfileFileToTheSameValuesAsTheDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("sandbox", new FileSystemResource("config/application-sandbox.yaml"))
                .forEach(environment.getPropertySources()::addLast);

        SandboxSettings bound = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound).isEqualTo(SandboxSettings.defaults());
    }

    @Test
    void bindsKebabCaseKeysAndDurations() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "ferry.sandbox.crm.trickle-every", "250ms", "ferry.sandbox.crm.trickle-initial", "1",
                "ferry.sandbox.erp.api-key", "other-key")));

        SandboxSettings bound = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound.crm().trickleEvery()).isEqualTo(Duration.ofMillis(250));
        assertThat(bound.crm().trickleInitial()).isEqualTo(1);
        assertThat(bound.crm().trickleMax()).isEqualTo(200);
        assertThat(bound.erp().apiKey()).isEqualTo("other-key");
        assertThat(bound.shipping().token()).isEqualTo("shipping-sandbox-token");
    }
}
