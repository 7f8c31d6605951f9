package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import dev.ferry.sandbox.portal.PortalSettings.Hazards;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class SandboxSettingsTests {

    @Test
    void bindsTheSandboxProfileFileToTheSameValuesAsTheDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("sandbox", new FileSystemResource("../config/application-sandbox.yaml"))
                .forEach(environment.getPropertySources()::addLast);

        environment.getPropertySources().addLast(new MapPropertySource("data", Map.of("ferry.data-dir", "/var/ferry")));

        SandboxSettings bound = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound.withPortal(bound.portal().withHazards(Hazards.off())).withStateDir(null))
                .isEqualTo(SandboxSettings.defaults());
        // the demo keeps its systems' records next to Ferry's own; the defaults (for tests) keep none
        assertThat(bound.stateDir()).isEqualTo(Path.of("/var/ferry/sandbox"));
        assertThat(SandboxSettings.defaults().stateDir()).isNull();
    }

    @Test
    void turnsThePortalsHazardsOnAtALowRateInTheSandboxProfileOnly() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("sandbox", new FileSystemResource("../config/application-sandbox.yaml"))
                .forEach(environment.getPropertySources()::addLast);

        Hazards inSandbox = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class)
                .portal().hazards();
        Hazards unconfigured = Binder.get(new StandardEnvironment())
                .bindOrCreate("ferry.sandbox", SandboxSettings.class).portal().hazards();

        assertThat(List.of(inSandbox.slowRate(), inSandbox.busyRate(), inSandbox.expiryRate()))
                .allSatisfy(rate -> assertThat(rate).isStrictlyBetween(0.0, 0.1));
        assertThat(unconfigured).isEqualTo(Hazards.off());
    }

    @Test
    void anEmptyStateDirKeepsNothing() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("ferry.sandbox.state-dir", "")));

        assertThat(Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class).stateDir()).isNull();
    }

    @Test
    void bindsKebabCaseKeysAndDurations() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "ferry.sandbox.crm.trickle-every", "250ms", "ferry.sandbox.crm.trickle-initial", "1",
                "ferry.sandbox.erp.api-key", "other-key", "ferry.sandbox.portal.session-timeout", "2m",
                "ferry.sandbox.portal.hazards.busy-rate", "0.5")));

        SandboxSettings bound = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound.crm().trickleEvery()).isEqualTo(Duration.ofMillis(250));
        assertThat(bound.crm().trickleInitial()).isEqualTo(1);
        assertThat(bound.crm().trickleMax()).isEqualTo(200);
        assertThat(bound.erp().apiKey()).isEqualTo("other-key");
        assertThat(bound.portal().sessionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(bound.portal().hazards().busyRate()).isEqualTo(0.5);
        assertThat(bound.shipping().token()).isEqualTo("shipping-sandbox-token");
        assertThat(bound.portal().password()).isEqualTo("portal-sandbox");
    }

    @Test
    void bindsTheJournalSwitchAndTheFaults() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "ferry.sandbox.request-journal", "false", "ferry.sandbox.faults.rate", "0.2",
                "ferry.sandbox.faults.seed", "7", "ferry.sandbox.faults.kinds", "503,reset")));

        SandboxSettings bound = Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound.requestJournal()).isFalse();
        assertThat(bound.faults()).isEqualTo(SandboxSettings.Faults.of(0.2, 7, FaultKind.UNAVAILABLE, FaultKind.RESET));
    }

    @Test
    void keepsTheJournalAndInjectsNoFaultsUnlessConfigured() {
        SandboxSettings bound = Binder.get(new StandardEnvironment())
                .bindOrCreate("ferry.sandbox", SandboxSettings.class);

        assertThat(bound.requestJournal()).isTrue();
        assertThat(bound.faults()).isEqualTo(SandboxSettings.Faults.off());
        assertThat(bound.faults().kinds()).containsExactly("503", "429", "reset");
    }

    @Test
    void refusesAFaultRateAboveOne() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("ferry.sandbox.faults.rate", "20")));

        assertThatThrownBy(() -> Binder.get(environment).bindOrCreate("ferry.sandbox", SandboxSettings.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("ferry.sandbox.faults.rate must be a share between 0 and 1");
    }
}
