package dev.ferry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Orders for tests: an ordinary one, and the sandbox scenario inputs of docs/sandbox.md#scenarios. */
final class TestOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestOrders() {
    }

    static ObjectNode ordinary(String externalId) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {
                      "externalId": "%s",
                      "source": "webshop",
                      "customer": { "id": "C-1001", "email": "ana@example.com", "name": "Ana Lima" },
                      "currency": "EUR",
                      "lines": [ { "sku": "SKU-RED-MUG", "quantity": 2, "unitPrice": "12.50" } ],
                      "shipTo": { "name": "Ana Lima", "street": "Rua Augusta 1", "city": "Lisboa",
                                  "postalCode": "1100-048", "country": "PT" },
                      "shipping": { "service": "standard" }
                    }""".formatted(externalId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode forCustomer(String externalId, String customerId) {
        ObjectNode order = ordinary(externalId);
        order.withObjectProperty("customer").put("id", customerId);
        return order;
    }

    static ObjectNode withSku(String externalId, String sku) {
        ObjectNode order = ordinary(externalId);
        order.withArrayProperty("lines").insertObject(0).put("sku", sku).put("quantity", 1).put("unitPrice", "40.00");
        return order;
    }

    static ObjectNode withPostalCode(String externalId, String postalCode) {
        ObjectNode order = ordinary(externalId);
        order.withObjectProperty("shipTo").put("postalCode", postalCode);
        return order;
    }

    static ObjectNode withQuantity(String externalId, int quantity) {
        ObjectNode order = ordinary(externalId);
        ((ObjectNode) order.withArrayProperty("lines").get(0)).put("quantity", quantity);
        return order;
    }

    static ObjectNode withService(String externalId, String service) {
        ObjectNode order = ordinary(externalId);
        order.withObjectProperty("shipping").put("service", service);
        return order;
    }
}
