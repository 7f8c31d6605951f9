package dev.ferry.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OrderRulesTests {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final OrderRules rules = new OrderRules(new BigDecimal("10000.00"));

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    /** An order in EUR with one line per quantity/unit price pair. */
    static ObjectNode order(Object... quantityAndPrice) {
        ObjectNode order = new ObjectMapper().createObjectNode().put("orderId", "ord-42").put("currency", "EUR");
        ArrayNode lines = order.putArray("lines");
        for (int i = 0; i < quantityAndPrice.length; i += 2) {
            ObjectNode line = lines.addObject().put("sku", "SKU-" + i).put("quantity", (Integer) quantityAndPrice[i]);
            if (quantityAndPrice[i + 1] instanceof BigDecimal number) {
                line.put("unitPrice", number);
            } else {
                line.put("unitPrice", (String) quantityAndPrice[i + 1]);
            }
        }
        return order;
    }

    static Exchange exchangeFor(JsonNode order) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty("ferryOrder", order);
        return exchange;
    }

    @Test
    void theTotalIsComputedExactlyInDecimals() {
        assertThat(OrderRules.total(order(3, "0.10"))).isEqualByComparingTo("0.30");
    }

    @Test
    void theTotalAddsEveryLine() {
        assertThat(OrderRules.total(order(2, "12.50", 1, "0.99", 10, "1.0001"))).isEqualByComparingTo("35.9910");
    }

    @Test
    void theTotalAcceptsPricesGivenAsJsonNumbers() {
        assertThat(OrderRules.total(order(3, new BigDecimal("0.10")))).isEqualByComparingTo("0.30");
    }

    @Test
    void anOrderAboveTheLimitNeedsAReviewer() {
        Exchange exchange = exchangeFor(order(2, "5000.00", 1, "0.01"));

        assertThatThrownBy(() -> rules.check(exchange))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("10,000.01 EUR")
                .hasMessageContaining("review limit of 10,000.00");
    }

    @Test
    void aTotalAFractionAboveTheLimitDoesNotReadAsEqualToIt() {
        Exchange exchange = exchangeFor(order(1, "10000.005"));

        assertThatThrownBy(() -> rules.check(exchange))
                .hasMessageContaining("total of 10,000.005 EUR")
                .hasMessageContaining("review limit of 10,000.00");
    }

    @Test
    void anOrderEqualToTheLimitPasses() {
        Exchange exchange = exchangeFor(order(2, "5000.00"));

        assertThatCode(() -> rules.check(exchange)).doesNotThrowAnyException();
    }

    @Test
    void anOrderBelowTheLimitPasses() {
        Exchange exchange = exchangeFor(order(1, "9999.99"));

        assertThatCode(() -> rules.check(exchange)).doesNotThrowAnyException();
    }
}
