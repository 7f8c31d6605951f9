package dev.ferry.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class DemoCredentialsTests {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theDemoUsersAreRefusedOutsideTheSandbox() {
        var settings = new SecuritySettings(List.of(), List.of(user("admin", "admin")), null);

        assertThatThrownBy(() -> DemoCredentials.refuseOutsideSandbox(profile("embedded"), settings, encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("user 'admin'");
    }

    @Test
    void theDemoApiKeysAreRefusedOutsideTheSandbox() {
        var key = new SecuritySettings.ApiKey("ops", ApiKeyFilter.sha256("ferry-sandbox-ops-key"), List.of("ADMIN"),
                List.of());

        assertThatThrownBy(() -> DemoCredentials.refuseOutsideSandbox(profile("cluster"),
                new SecuritySettings(List.of(key), List.of(), null), encoder))
                .hasMessageContaining("API key 'ops'");
    }

    @Test
    void aDemoPasswordIsRefusedWhateverTheCaseOfTheName() {
        var settings = new SecuritySettings(List.of(), List.of(user("ADMIN", "admin"), user("Reviewer", "reviewer")), null);

        assertThatThrownBy(() -> DemoCredentials.refuseOutsideSandbox(profile("embedded"), settings, encoder))
                .hasMessageContaining("user 'ADMIN'")
                .hasMessageContaining("user 'Reviewer'");
    }

    @Test
    void aDemoPasswordIsRefusedUnderAnyName() {
        var settings = new SecuritySettings(List.of(), List.of(user("maria", "reviewer"), user("ops", "admin")), null);

        assertThatThrownBy(() -> DemoCredentials.refuseOutsideSandbox(profile("cluster"), settings, encoder))
                .hasMessageContaining("user 'maria' with a demo password")
                .hasMessageContaining("user 'ops' with a demo password");
    }

    @Test
    void aDemoUsernameWithItsOwnPasswordIsFine() {
        var settings = new SecuritySettings(List.of(), List.of(user("admin", "a long and private passphrase")), null);

        assertThatCode(() -> DemoCredentials.refuseOutsideSandbox(profile("embedded"), settings, encoder))
                .doesNotThrowAnyException();
    }

    @Test
    void theSandboxMayUseItsDemoCredentials() {
        var settings = new SecuritySettings(List.of(), List.of(user("reviewer", "reviewer")), null);

        assertThatCode(() -> DemoCredentials.refuseOutsideSandbox(profile("sandbox"), settings, encoder))
                .doesNotThrowAnyException();
    }

    private SecuritySettings.User user(String name, String password) {
        return new SecuritySettings.User(name, encoder.encode(password), List.of("ADMIN"));
    }

    private static MockEnvironment profile(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return environment;
    }
}
