package dev.ferry.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The check-rules step: business rules that hold an order for a person before anything is created. */
@Component("orderRules")
public class OrderRules {

    private final BigDecimal reviewAbove;

    OrderRules(@Value("${ferry.rules.review-above}") BigDecimal reviewAbove) {
        this.reviewAbove = reviewAbove;
    }

    public void check(Exchange exchange) {
        JsonNode order = exchange.getProperty(OrderExchange.ORDER, JsonNode.class);
        BigDecimal total = total(order);
        if (total.compareTo(reviewAbove) > 0) {
            String currency = order.path("currency").asText();
            throw new BusinessRuleException("The order total of " + money(total) + " " + currency
                    + " is above the review limit of " + money(reviewAbove) + "; a reviewer must approve it.");
        }
    }

    static BigDecimal total(JsonNode order) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : order.path("lines")) {
            total = total.add(new BigDecimal(line.path("unitPrice").asText("0"))
                    .multiply(BigDecimal.valueOf(line.path("quantity").asLong())));
        }
        return total;
    }

    // up to four decimals (a KWD price has three): a total a fraction over the limit must not read as equal
    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(amount);
    }
}
