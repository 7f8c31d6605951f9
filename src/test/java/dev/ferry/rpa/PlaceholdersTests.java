package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTests {

    private static final JsonNode ORDER = read("""
            { "orderId": "1b2c-3d4e", "shipTo": { "city": "Lisboa" },
              "lines": [ { "sku": "MUG", "quantity": 2 }, { "sku": "PLATE", "quantity": 1 } ] }""");

    @Test
    void fillsInputSecretsAndExtractedValues() {
        assertThat(Placeholders.resolve("${input.shipTo.city} / ${secrets.pw} / ${extracted.nr}",
                new Placeholders.Values(ORDER, Map.of("pw", "s3cret"), Map.of("nr", TextNode.valueOf("NF-1")), Map.of())))
                .isEqualTo("Lisboa / s3cret / NF-1");
    }

    @Test
    void pipesThroughFunctions() {
        assertThat(Placeholders.resolve("${input.lines | count}", of(ORDER))).isEqualTo("2");
        assertThat(Placeholders.resolve("${input.lines | sum(quantity) | times(2.5)}", of(ORDER)))
                .isEqualTo("7.5");
        assertThat(Placeholders.resolve("${input.lines | join(sku)}", of(ORDER))).isEqualTo("MUG, PLATE");
        assertThat(Placeholders.resolve("${input.orderId | remove(-)}", of(ORDER))).isEqualTo("1b2c3d4e");
    }

    @Test
    void encodesOnlyTheFilledInValues() {
        assertThat(Placeholders.resolve("/find?city=${input.shipTo.city}&x=a b", of(read("{\"shipTo\":{\"city\":\"São Paulo\"}}")),
                v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("/find?city=S%C3%A3o+Paulo&x=a b");
    }

    @Test
    void aMissingInputFieldOrSecretIsNamed() {
        assertThatThrownBy(() -> Placeholders.resolve("${input.shipTo.street}", of(ORDER)))
                .hasMessage("the input has no shipTo.street");
        assertThatThrownBy(() -> Placeholders.resolve("${secrets.pw}", of(ORDER)))
                .hasMessageContaining("ferry.rpa.secrets.pw");
    }

    @Test
    void problemsAreFoundBeforeARun() {
        assertThat(Placeholders.problem("${input.a} ${secrets.pw}", Set.of("pw"), Set.of(), Set.of())).isNull();
        assertThat(Placeholders.problem("${env.HOME}", Set.of(), Set.of(), Set.of())).startsWith("unknown placeholder");
        assertThat(Placeholders.problem("${input.lines | upper}", Set.of(), Set.of(), Set.of())).startsWith("unknown function");
        assertThat(Placeholders.problem("${input.a", Set.of(), Set.of(), Set.of())).startsWith("unclosed placeholder");
    }

    @Test
    void fillsTheItemsOfTheLoopsAroundAStep() {
        Placeholders.Values values = new Placeholders.Values(ORDER, Map.of(), Map.of(),
                Map.of("line", ORDER.at("/lines/0"), "batch", read("3")));

        assertThat(Placeholders.resolve("${line.sku} x ${batch} for ${input.orderId}", values))
                .isEqualTo("MUG x 3 for 1b2c-3d4e");
        assertThatThrownBy(() -> Placeholders.resolve("${line.weight}", values)).hasMessage("the item line has no weight");
    }

    @Test
    void aTableStaysAListAndCountsLikeOne() {
        JsonNode shipments = read("[ { \"number\": \"NF-1\", \"status\": \"Booked\" }, { \"number\": \"NF-2\", \"status\": \"Delivered\" } ]");
        Placeholders.Values values = new Placeholders.Values(ORDER, Map.of(), Map.of("shipments", shipments), Map.of());

        assertThat(Placeholders.node("${extracted.shipments}", values)).isEqualTo(shipments);
        assertThat(Placeholders.node("${extracted.shipments | count}", values)).isEqualTo(TextNode.valueOf("2"));
        assertThat(Placeholders.resolve("${extracted.shipments | join(status)}", values)).isEqualTo("Booked, Delivered");
    }

    @Test
    void functionsApplyToExtractedValuesToo() {
        Placeholders.Values values = new Placeholders.Values(ORDER, Map.of(), Map.of("nr", TextNode.valueOf("NF-1")),
                Map.of());

        assertThat(Placeholders.resolve("${extracted.nr | remove(-)}", values)).isEqualTo("NF1");
    }

    @Test
    void onlyAValueThatIsOnePlaceholderIsSingle() {
        assertThat(Placeholders.single("${extracted.shipments}")).isTrue();
        assertThat(Placeholders.single("${input.a} ${input.b}")).isFalse();
        assertThat(Placeholders.single("rows: ${extracted.shipments}")).isFalse();
    }

    @Test
    void loopItemsAreKnownOnlyWhereALoopNamesThem() {
        assertThat(Placeholders.problem("${line.sku} ${line} ${line.batches | count}", Set.of(), Set.of(), Set.of("line")))
                .isNull();
        assertThat(Placeholders.problem("${line.sku}", Set.of(), Set.of(), Set.of())).startsWith("unknown placeholder");
        assertThat(Placeholders.problem("${lines.sku}", Set.of(), Set.of(), Set.of("line", "batch")))
                .endsWith("or the item of the forEach around it: ${batch}, ${line}");
        assertThat(Placeholders.problem("${line | upper}", Set.of(), Set.of(), Set.of("line"))).startsWith("unknown function");
        assertThat(Placeholders.problem("${input}", Set.of(), Set.of(), Set.of("line"))).startsWith("placeholder '${input}' names no field");
    }

    private static Placeholders.Values of(JsonNode input) {
        return new Placeholders.Values(input, Map.of(), Map.of(), Map.of());
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
