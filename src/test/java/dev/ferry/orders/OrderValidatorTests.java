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
                "must be a decimal amount such as 12.50"));
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

    @Test
    void aPriceHasAtMostTheDecimalsOfItsCurrency() {
        ObjectNode euros = order();
        firstLine(euros).put("unitPrice", "12.5001");
        ObjectNode yen = order().put("currency", "JPY");
        firstLine(yen).put("unitPrice", "1250.00");
        ObjectNode dinars = order().put("currency", "KWD");
        firstLine(dinars).put("unitPrice", "12.1255");

        assertThat(validator.violations(euros)).containsExactly(
                new Violation("/lines/0/unitPrice", "EUR has 2 decimals; 12.5001 has 4"));
        assertThat(validator.violations(yen)).containsExactly(
                new Violation("/lines/0/unitPrice", "JPY has no decimals; 1250.00 has 2"));
        assertThat(validator.violations(dinars)).containsExactly(
                new Violation("/lines/0/unitPrice", "KWD has 3 decimals; 12.1255 has 4"));
    }

    @Test
    void aPriceWithTheDecimalsOfItsCurrencyIsAccepted() {
        ObjectNode yen = order().put("currency", "JPY");
        firstLine(yen).put("unitPrice", "1250");
        ObjectNode dinars = order().put("currency", "KWD");
        firstLine(dinars).put("unitPrice", "12.125");
        ObjectNode number = order();
        // a JSON number is a value: its trailing zeros are not decimals it has
        firstLine(number).put("unitPrice", new BigDecimal("12.5000"));

        assertThat(validator.violations(yen)).isEmpty();
        assertThat(validator.violations(dinars)).isEmpty();
        assertThat(validator.violations(number)).isEmpty();
    }

    @Test
    void aPriceAsANumberWithTooManyDecimalsIsRefusedWithoutWritingItOut() {
        ObjectNode tiny = order();
        firstLine(tiny).put("unitPrice", new BigDecimal("1e-999999999"));
        ObjectNode huge = order();
        firstLine(huge).put("unitPrice", new BigDecimal("1e999999999"));

        assertThat(validator.violations(tiny)).containsExactly(
                new Violation("/lines/0/unitPrice", "EUR has 2 decimals; 1E-999999999 has 999999999"));
        assertThat(validator.violations(huge)).containsExactly(
                new Violation("/lines/0/unitPrice", "must have a maximum value of 999999999999"));
    }

    @Test
    void aQuantityIsAWholeNumberWrittenAsOne() {
        ObjectNode pointZero = order();
        firstLine(pointZero).put("quantity", new BigDecimal("2.0"));
        ObjectNode exponent = order();
        firstLine(exponent).put("quantity", new BigDecimal("1E+2"));
        ObjectNode fraction = order();
        firstLine(fraction).put("quantity", new BigDecimal("2.5"));

        assertThat(validator.violations(pointZero)).containsExactly(new Violation("/lines/0/quantity",
                "must be a whole number written without a decimal point, such as 2"));
        assertThat(validator.violations(exponent)).extracting(Violation::pointer).containsExactly("/lines/0/quantity");
        assertThat(validator.violations(fraction)).containsExactly(
                new Violation("/lines/0/quantity", "number found, integer expected"));
    }

    @Test
    void linesThatAreNotAListAreTheSchemasToReport() {
        ObjectNode order = order();
        order.putObject("lines").put("0", 1);

        assertThat(validator.violations(order)).containsExactly(new Violation("/lines", "object found, array expected"));
    }

    @Test
    void manyViolationsListTheFirstHundredInPointerOrderAndCountThemAll() {
        ObjectNode order = order();
        for (int i = 0; i < 5_000; i++) {
            order.put(String.format("extra%05d", i), i);
        }
        order.put("currency", "XYZ");

        Violations found = validator.check(order);

        assertThat(found.count()).isEqualTo(5_001);
        assertThat(found.listed()).hasSize(Violations.LISTED);
        assertThat(found.listed().get(0).pointer()).isEqualTo("/currency");
        assertThat(found.listed().get(1).pointer()).isEqualTo("/extra00000");
        assertThat(found.listed().get(99).pointer()).isEqualTo("/extra00098");
        assertThat(found.listed()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void theListedViolationsAreTheFirstInPointerOrderEvenWhenTheLastPlaceHoldsSeveral() {
        ObjectNode order = order();
        for (int i = 0; i < 99; i++) {
            order.put(String.format("a%03d", i), i);
        }
        // two violations at /externalId, the 100th place: the one whose message comes first is listed
        order.put("externalId", " " + "x".repeat(128));

        Violations found = validator.check(order);

        assertThat(found.count()).isEqualTo(101);
        assertThat(found.listed()).hasSize(100);
        assertThat(found.listed().get(99)).isEqualTo(new Violation("/externalId", "must be at most 128 characters long"));
    }

    @Test
    void anExceptionWithMoreViolationsThanListedSaysSo() {
        ObjectNode order = order();
        for (int i = 0; i < 150; i++) {
            order.put("extra" + i, i);
        }

        InvalidOrderException e = new InvalidOrderException("The order does not match.", validator.check(order));

        assertThat(e.violations()).hasSize(100);
        assertThat(e.count()).isEqualTo(150);
        assertThat(e.getMessage()).isEqualTo("The order does not match. Only the first 100 of the 150 violations are listed.");
    }
}
