package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Writes the CRM's orders, in the CRM's own shape. Order {@code n} is always the same order (seeded per
 * number), so a demo, a test and a bug report all see the same stream: mostly ordinary orders and, every
 * fifth order after the first {@code ordinaryFirst}, one of the sandbox scenarios in turn.
 */
final class CrmOrders {

    enum Scenario { UNKNOWN_CUSTOMER, DISCONTINUED_ITEM, INVALID_POSTCODE, FLAKY_ERP, THROTTLED_ACCOUNTING,
        SHIPPING_DOWN, HIGH_VALUE }

    private record Product(String code, String price) {
    }

    private static final long SEED = 20_261_128L;
    private static final int FIRST_NUMBER = 100;
    private static final int SCENARIO_EVERY = 5;
    private static final List<Product> CATALOGUE = List.of(new Product("SKU-RED-MUG", "12.50"),
            new Product("SKU-BLUE-PLATE", "18.90"), new Product("SKU-TEA-TOWEL", "7.95"),
            new Product("SKU-OAK-BOARD", "34.00"), new Product("SKU-LINEN-NAPKIN", "5.50"),
            new Product("SKU-CAST-PAN", "49.00"), new Product("SKU-GLASS-JAR", "9.90"));
    private static final Product DISCONTINUED = new Product("DISCONTINUED-LAMP", "39.00");
    // 6 x 1890.00 = 11340.00, above the sandbox's review threshold of 10000.00
    private static final Product OAK_TABLE = new Product("SKU-OAK-TABLE", "1890.00");

    private final int ordinaryFirst;

    CrmOrders(int ordinaryFirst) {
        this.ordinaryFirst = ordinaryFirst;
    }

    static String number(int n) {
        return "CRM-%06d".formatted(FIRST_NUMBER + n);
    }

    Optional<Scenario> scenario(int n) {
        int sinceOrdinary = n - ordinaryFirst;
        if (sinceOrdinary <= 0 || sinceOrdinary % SCENARIO_EVERY != 0) {
            return Optional.empty();
        }
        Scenario[] all = Scenario.values();
        return Optional.of(all[(sinceOrdinary / SCENARIO_EVERY - 1) % all.length]);
    }

    ObjectNode order(int n, Instant createdAt) {
        SplittableRandom random = new SplittableRandom(SEED ^ (n * 0x9E3779B97F4A7C15L));
        Scenario scenario = scenario(n).orElse(null);
        CrmCustomer customer = customer(scenario, random);
        ArrayNode items = Json.array();
        if (scenario == Scenario.HIGH_VALUE) {
            items.add(item(OAK_TABLE, 6));
        } else {
            ordinaryItems(random).forEach(items::add);
        }
        if (scenario == Scenario.DISCONTINUED_ITEM) {
            items.add(item(DISCONTINUED, 1));
        }
        CrmCustomer.Address address = customer.address();
        ObjectNode order = Json.object()
                .put("orderNumber", number(n))
                .put("createdAt", createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
        order.set("account", customer.account());
        order.put("currencyCode", "EUR");
        order.set("items", items);
        order.putObject("delivery")
                .put("recipient", customer.name())
                .put("addressLine1", address.line1())
                .put("city", address.city())
                .put("zip", scenario == Scenario.INVALID_POSTCODE ? "00000" : address.zip())
                .put("countryCode", address.countryCode())
                .put("method", random.nextInt(4) == 0 ? "express" : "standard");
        return order;
    }

    private static CrmCustomer customer(Scenario scenario, SplittableRandom random) {
        if (scenario == Scenario.UNKNOWN_CUSTOMER) {
            return CrmCustomers.UNKNOWN;
        } else if (scenario == Scenario.FLAKY_ERP) {
            return CrmCustomers.FLAKY;
        } else if (scenario == Scenario.THROTTLED_ACCOUNTING) {
            return CrmCustomers.THROTTLE;
        } else if (scenario == Scenario.SHIPPING_DOWN) {
            return CrmCustomers.DOWN;
        }
        // now and then a customer from outside the short list, as a real CRM mostly has
        String id = random.nextInt(6) == 0 ? "C-" + (2000 + random.nextInt(900))
                : CrmCustomers.REGULARS.get(random.nextInt(CrmCustomers.REGULARS.size())).id();
        return CrmCustomers.find(id).orElseThrow();
    }

    private static List<ObjectNode> ordinaryItems(SplittableRandom random) {
        List<Product> shelf = new ArrayList<>(CATALOGUE);
        List<ObjectNode> items = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            items.add(item(shelf.remove(random.nextInt(shelf.size())), 1 + random.nextInt(4)));
        }
        return items;
    }

    private static ObjectNode item(Product product, int qty) {
        return Json.object().put("productCode", product.code()).put("qty", qty).put("price", product.price());
    }
}
