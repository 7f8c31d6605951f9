package dev.ferry.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyBindingsTests {

    private static final List<String> PULLED = List.of("crm");

    @Test
    void aKeyBoundToItsOwnSourcesIsFine() {
        assertThatCode(() -> ApiKeyBindings.check(settings(key("webshop", "webshop-key", List.of("INTAKE"),
                List.of("webshop"))), PULLED)).doesNotThrowAnyException();
    }

    @Test
    void aKeyBoundToASourceFerryPullsItselfIsRefused() {
        assertThatThrownBy(() -> ApiKeyBindings.check(settings(key("crm-sync", "k", List.of("INTAKE"),
                List.of("webshop", "crm"))), PULLED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("ferry.security.api-keys[0] (crm-sync) is bound to the source 'crm', which Ferry pulls itself");
    }

    @Test
    void anIntakeKeyWithoutSourcesIsRefused() {
        assertThatThrownBy(() -> ApiKeyBindings.check(settings(key("webshop", "k", List.of("INTAKE"), List.of())), PULLED))
                .hasMessageContaining("(webshop) has the role INTAKE but no sources");
    }

    @Test
    void aKeyThatOnlyReadsMetricsNeedsNoSources() {
        assertThatCode(() -> ApiKeyBindings.check(settings(key("scraper", "k", List.of("METRICS"), List.of())), PULLED))
                .doesNotThrowAnyException();
    }

    @Test
    void twoKeysWithOneNameAreRefusedAsTheyWouldShareIdempotencyKeys() {
        assertThatThrownBy(() -> ApiKeyBindings.check(settings(
                key("webshop", "k1", List.of("INTAKE"), List.of("webshop")),
                key("WebShop", "k2", List.of("INTAKE"), List.of("webshop"))), PULLED))
                .hasMessageContaining("ferry.security.api-keys[1]: the name 'WebShop' is taken by another key");
    }

    @Test
    void aKeyWithoutAHashIsRefused() {
        assertThatThrownBy(() -> ApiKeyBindings.check(settings(
                new SecuritySettings.ApiKey("webshop", "5f2b", List.of("INTAKE"), List.of("webshop"))), PULLED))
                .hasMessageContaining("(webshop) needs sha256");
    }

    private static SecuritySettings settings(SecuritySettings.ApiKey... keys) {
        return new SecuritySettings(List.of(keys), List.of(), null);
    }

    private static SecuritySettings.ApiKey key(String name, String key, List<String> roles, List<String> sources) {
        return new SecuritySettings.ApiKey(name, ApiKeyFilter.sha256(key), roles, sources);
    }
}
