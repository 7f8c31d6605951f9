package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrmOrdersTests {

    private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    private final CrmOrders orders = new CrmOrders(4);

    @Test
    void writesTheSameOrderForTheSameNumber() {
        assertThat(orders.order(17, AT)).isEqualTo(new CrmOrders(4).order(17, AT));
    }

    @Test
    void keepsTheFirstOrdersOrdinary() {
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(orders::scenario)).allMatch(Optional::isEmpty);
    }

    @Test
    void mixesEveryScenarioIntoTheTrickle() {
        String trickle = render(1, 40);

        assertThat(trickle).contains("\"C-404\"", "\"DISCONTINUED-LAMP\"", "\"00000\"", "\"C-FLAKY\"",
                "\"C-THROTTLE\"", "\"C-DOWN\"");
        assertThat(IntStream.rangeClosed(1, 40).mapToObj(n -> total(orders.order(n, AT))))
                .anyMatch(total -> total.compareTo(new BigDecimal("10000.00")) > 0);
    }

    @Test
    void isMostlyOrdinary() {
        long scenarios = IntStream.rangeClosed(1, 200).mapToObj(orders::scenario).filter(Optional::isPresent).count();

        assertThat(scenarios).isBetween(20L, 50L);
    }

    @Test
    void neverAsksForFreightYet() {
        assertThat(render(1, 200)).doesNotContain("freight");
    }

    @Test
    void usesSeveralCustomersProductsAndCountries() {
        List<ObjectNode> some = IntStream.rangeClosed(1, 30).mapToObj(n -> orders.order(n, AT)).toList();

        assertThat(some.stream().map(o -> o.at("/account/id").asText()).distinct().count()).isGreaterThan(4);
        assertThat(some.stream().map(o -> o.at("/delivery/countryCode").asText()).distinct().count()).isGreaterThan(2);
        assertThat(some.stream().flatMap(o -> o.path("items").findValuesAsText("productCode").stream()).distinct()
                .count()).isGreaterThan(4);
    }

    private String render(int from, int to) {
        StringBuilder all = new StringBuilder();
        IntStream.rangeClosed(from, to).forEach(n -> all.append(orders.order(n, AT)));
        return all.toString();
    }

    private static BigDecimal total(JsonNode order) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : order.path("items")) {
            BigDecimal quantity = BigDecimal.valueOf(item.path("qty").asInt());
            total = total.add(new BigDecimal(item.path("price").asText()).multiply(quantity));
        }
        return total;
    }
}
