package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTests {

    private static final JsonNode ORDER = read("""
            { "orderId": "1b2c-3d4e", "shipTo": { "city": "Lisboa" },
              "lines": [ { "sku": "MUG", "quantity": 2 }, { "sku": "PLATE", "quantity": 1 } ] }""");

    @Test
    void fillsInputSecretsAndExtractedValues() {
        assertThat(Placeholders.resolve("${input.shipTo.city} / ${secrets.pw} / ${extracted.nr}", ORDER,
                Map.of("pw", "s3cret"), Map.of("nr", "NF-1"))).isEqualTo("Lisboa / s3cret / NF-1");
    }

    @Test
    void pipesThroughFunctions() {
        assertThat(Placeholders.resolve("${input.lines | count}", ORDER, Map.of(), Map.of())).isEqualTo("2");
        assertThat(Placeholders.resolve("${input.lines | sum(quantity) | times(2.5)}", ORDER, Map.of(), Map.of()))
                .isEqualTo("7.5");
        assertThat(Placeholders.resolve("${input.lines | join(sku)}", ORDER, Map.of(), Map.of())).isEqualTo("MUG, PLATE");
        assertThat(Placeholders.resolve("${input.orderId | remove(-)}", ORDER, Map.of(), Map.of())).isEqualTo("1b2c3d4e");
    }

    @Test
    void encodesOnlyTheFilledInValues() {
        assertThat(Placeholders.resolve("/find?city=${input.shipTo.city}&x=a b", read("{\"shipTo\":{\"city\":\"São Paulo\"}}"),
                Map.of(), Map.of(), v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("/find?city=S%C3%A3o+Paulo&x=a b");
    }

    @Test
    void aMissingInputFieldOrSecretIsNamed() {
        assertThatThrownBy(() -> Placeholders.resolve("${input.shipTo.street}", ORDER, Map.of(), Map.of()))
                .hasMessage("the input has no shipTo.street");
        assertThatThrownBy(() -> Placeholders.resolve("${secrets.pw}", ORDER, Map.of(), Map.of()))
                .hasMessageContaining("ferry.rpa.secrets.pw");
    }

    @Test
    void problemsAreFoundBeforeARun() {
        assertThat(Placeholders.problem("${input.a} ${secrets.pw}", Set.of("pw"), Set.of())).isNull();
        assertThat(Placeholders.problem("${env.HOME}", Set.of(), Set.of())).startsWith("unknown placeholder");
        assertThat(Placeholders.problem("${input.lines | upper}", Set.of(), Set.of())).startsWith("unknown function");
        assertThat(Placeholders.problem("${input.a", Set.of(), Set.of())).startsWith("unclosed placeholder");
    }

    @Test
    void secretsAreMaskedWhereverTheyAppear() {
        Secrets secrets = new Secrets(Map.of("user", "ferry", "pw", "portal-sandbox"));

        assertThat(secrets.mask("login ferry with portal-sandbox failed")).isEqualTo("login **** with **** failed");
        assertThat(secrets.mask(null)).isNull();
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
