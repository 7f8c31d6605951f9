package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderValidatorTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderValidator validator = new OrderValidator();

    static ObjectNode order() {
        ObjectNode order = JSON.createObjectNode();
        order.put("externalId", "WEB-1001");
        order.put("source", "webshop");
        order.putObject("customer").put("id", "C-1001").put("name", "Ada Lovelace");
        order.put("currency", "EUR");
        order.putArray("lines").addObject().put("sku", "SKU-RED-MUG").put("quantity", 2).put("unitPrice", "12.50");
        order.putObject("shipTo")
                .put("name", "Ada Lovelace")
                .put("street", "Rua Augusta 1")
                .put("city", "Lisboa")
                .put("postalCode", "1100-048")
                .put("country", "PT");
        return order;
    }

    private static ObjectNode firstLine(ObjectNode order) {
        return (ObjectNode) order.get("lines").get(0);
    }

    @Test
    void aValidOrderHasNoViolations() {
        assertThat(validator.violations(order())).isEmpty();
    }

    @Test
    void aMissingPropertyIsReportedAtTheProperty() {
        ObjectNode order = order();
        ((ObjectNode) order.get("shipTo")).remove("city");

        assertThat(validator.violations(order)).extracting(Violation::pointer).containsExactly("/shipTo/city");
    }

    @Test
    void aMissingTopLevelPropertyIsReportedAtTheProperty() {
        ObjectNode order = order();
        order.remove("currency");

        assertThat(validator.violations(order)).extracting(Violation::pointer).containsExactly("/currency");
    }

    @Test
    void anUnknownPropertyIsReportedAtTheProperty() {
        ObjectNode order = order();
        order.put("extra", "surprise");

        assertThat(validator.violations(order)).extracting(Violation::pointer).containsExactly("/extra");
    }

    @Test
    void anUnknownCurrencyIsExplainedInPlainWords() {
        ObjectNode order = order();
        order.put("currency", "XYZ");

        assertThat(validator.violations(order)).containsExactly(
                new Violation("/currency", "must be an ISO 4217 currency code such as EUR or USD"));
    }

    @Test
    void aNegativeQuantityIsReportedAtTheLinesQuantity() {
        ObjectNode order = order();
        firstLine(order).put("quantity", -1);

        assertThat(validator.violations(order)).extracting(Violation::pointer).containsExactly("/lines/0/quantity");
    }

    @Test
    void aPriceThatIsNotAnAmountIsReportedAtTheLinesUnitPrice() {
        ObjectNode order = order();
        firstLine(order).put("unitPrice", "abc");

        assertThat(validator.violations(order)).containsExactly(new Violation("/lines/0/unitPrice",
                "must be a decimal amount such as 12.50, with at most 4 decimals"));
    }

    @Test
    void aPriceGivenAsAJsonNumberIsAccepted() {
        ObjectNode order = order();
        firstLine(order).put("unitPrice", new BigDecimal("12.5"));

        assertThat(validator.violations(order)).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode order = order();
        ((ObjectNode) order.get("shipTo")).remove("city");
        order.put("extra", "surprise");
        order.put("currency", "XYZ");
        firstLine(order).put("quantity", -1);
        firstLine(order).put("unitPrice", "abc");

        assertThat(validator.violations(order)).extracting(Violation::pointer).containsExactly(
                "/currency", "/extra", "/lines/0/quantity", "/lines/0/unitPrice", "/shipTo/city");
    }
}
