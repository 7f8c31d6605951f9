package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order or invoice line as the ERP and the accounting system both take it. */
record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

    /** The lines of a body in this currency: each price with the currency's decimals. */
    static List<PricedLine> readAll(JsonNode body, String currency) {
        JsonNode lines = Fields.nonEmptyArray(body, "lines");
        List<PricedLine> read = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String where = "lines[" + i + "].";
            read.add(new PricedLine(Fields.text(line, where, "sku"), Fields.quantity(line, where),
                    Fields.money(line, where, "unitPrice", currency)));
        }
        return read;
    }

    static BigDecimal total(List<PricedLine> lines, String currency) {
        return lines.stream().map(PricedLine::amount).reduce(BigDecimal.ZERO.setScale(Fields.decimals(currency)),
                BigDecimal::add);
    }

    static ArrayNode toJson(List<PricedLine> lines) {
        ArrayNode array = Json.array();
        lines.forEach(line -> array.add(line.toJson()));
        return array;
    }

    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    private ObjectNode toJson() {
        return Json.object()
                .put("sku", sku)
                .put("quantity", quantity)
                .put("unitPrice", unitPrice.toPlainString())
                .put("amount", amount().toPlainString());
    }
}
