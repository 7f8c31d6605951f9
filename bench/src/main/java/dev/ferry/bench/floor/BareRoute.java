package dev.ferry.bench.floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The five calls of an order as one Camel route, each request built as the Node-RED flow (bench/peer/flow.json)
 * and Ferry's connectors build it: same paths, credentials, headers, Idempotency-Keys and bodies.
 */
class BareRoute extends RouteBuilder {

    // one endpoint, one connection pool: each call names its URL in the CamelHttpUri header
    private static final String HTTP = "http://127.0.0.1?httpMethodRestrict=GET,POST";
    private static final String ORDER = "bareOrder";
    private static final String ORDER_ID = "bareOrderId";
    private static final String REFS = "bareRefs";

    private final ObjectMapper json;
    private final Map<String, String> env;

    BareRoute(ObjectMapper json, Map<String, String> env) {
        this.json = json;
        this.env = env;
    }

    @Override
    public void configure() {
        from("direct:order").routeId("bare-order")
                .process(this::getCustomer).to(HTTP)
                .process(this::createSalesOrder).to(HTTP)
                .process(this::createInvoice).to(HTTP)
                .process(this::createShipment).to(HTTP)
                .process(this::updateCrm).to(HTTP)
                .process(this::respond);
    }

    private void getCustomer(Exchange exchange) {
        JsonNode order = exchange.getMessage().getBody(JsonNode.class);
        exchange.setProperty(ORDER, order);
        exchange.setProperty(ORDER_ID, UUID.randomUUID().toString());
        exchange.setProperty(REFS, json.createObjectNode());
        Message request = fresh(exchange, "GET", env.get("PEER_CRM_URL") + "/api/customers/"
                + URLEncoder.encode(order.path("customer").path("id").asText(), StandardCharsets.UTF_8));
        request.setHeader("Authorization", "Bearer " + env.get("PEER_CRM_TOKEN"));
        request.setBody(null);
    }

    private void createSalesOrder(Exchange exchange) throws Exception {
        ObjectNode refs = refs(exchange);
        refs.put("crmCustomerId", previous(exchange).path("id").asText());
        JsonNode order = exchange.getProperty(ORDER, JsonNode.class);
        ObjectNode body = json.createObjectNode().put("customerId", refs.path("crmCustomerId").asText())
                .put("reference", orderId(exchange)).put("externalId", order.path("externalId").asText())
                .put("currency", order.path("currency").asText());
        body.set("lines", lines(order, true));
        Message request = post(exchange, env.get("PEER_ERP_URL") + "/api/sales-orders", "create-sales-order", body);
        request.setHeader("X-API-Key", env.get("PEER_ERP_API_KEY"));
    }

    private void createInvoice(Exchange exchange) throws Exception {
        ObjectNode refs = refs(exchange);
        refs.put("erpOrderId", previous(exchange).path("id").asText());
        JsonNode order = exchange.getProperty(ORDER, JsonNode.class);
        ObjectNode body = json.createObjectNode().put("customerId", refs.path("crmCustomerId").asText())
                .put("salesOrderId", refs.path("erpOrderId").asText()).put("reference", orderId(exchange))
                .put("currency", order.path("currency").asText());
        body.set("lines", lines(order, true));
        Message request = post(exchange, env.get("PEER_ACCOUNTING_URL") + "/api/invoices", "create-invoice", body);
        String credentials = env.get("PEER_ACCOUNTING_USER") + ":" + env.get("PEER_ACCOUNTING_PASSWORD");
        request.setHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private void createShipment(Exchange exchange) throws Exception {
        ObjectNode refs = refs(exchange);
        refs.put("invoiceId", previous(exchange).path("invoiceId").asText());
        JsonNode order = exchange.getProperty(ORDER, JsonNode.class);
        JsonNode to = order.path("shipTo");
        ObjectNode body = json.createObjectNode().put("reference", orderId(exchange))
                .put("customerId", refs.path("crmCustomerId").asText())
                .put("service", order.path("shipping").path("service").asText("standard"));
        ObjectNode recipient = body.putObject("recipient");
        for (String field : new String[] {"name", "street", "city", "postalCode", "country"}) {
            recipient.put(field, to.path(field).asText());
        }
        body.set("items", lines(order, false));
        Message request = post(exchange, env.get("PEER_SHIPPING_URL") + "/api/shipments", "create-shipment", body);
        request.setHeader("Authorization", "Bearer " + env.get("PEER_SHIPPING_TOKEN"));
    }

    private void updateCrm(Exchange exchange) throws Exception {
        ObjectNode refs = refs(exchange);
        JsonNode shipment = previous(exchange);
        refs.put("shipmentId", shipment.path("shipmentId").asText());
        refs.put("trackingNumber", shipment.path("trackingNumber").asText());
        JsonNode order = exchange.getProperty(ORDER, JsonNode.class);
        ObjectNode body = json.createObjectNode().put("ferryOrderId", orderId(exchange))
                .put("source", order.path("source").asText()).put("externalId", order.path("externalId").asText())
                .put("status", "FULFILLED");
        for (String ref : new String[] {"erpOrderId", "invoiceId", "shipmentId", "trackingNumber"}) {
            body.put(ref, refs.path(ref).asText());
        }
        String url = env.get("PEER_CRM_URL") + "/api/customers/"
                + URLEncoder.encode(refs.path("crmCustomerId").asText(), StandardCharsets.UTF_8) + "/order-updates";
        Message request = post(exchange, url, "update-crm-status", body);
        request.setHeader("Authorization", "Bearer " + env.get("PEER_CRM_TOKEN"));
    }

    private void respond(Exchange exchange) throws Exception {
        refs(exchange).put("crmUpdateId", previous(exchange).path("id").asText());
        ObjectNode answer = json.createObjectNode().put("orderId", orderId(exchange)).put("status", "COMPLETED");
        answer.set("refs", refs(exchange));
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(answer);
    }

    private ArrayNode lines(JsonNode order, boolean priced) {
        ArrayNode lines = json.createArrayNode();
        for (JsonNode line : order.path("lines")) {
            ObjectNode item = lines.addObject().put("sku", line.path("sku").asText())
                    .put("quantity", line.path("quantity").asInt());
            if (priced) {
                item.put("unitPrice", line.path("unitPrice").asText());
            }
        }
        return lines;
    }

    private JsonNode previous(Exchange exchange) throws Exception {
        return json.readTree(exchange.getMessage().getBody(byte[].class));
    }

    private Message post(Exchange exchange, String url, String step, JsonNode body) throws Exception {
        Message request = fresh(exchange, "POST", url);
        request.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        request.setHeader("Idempotency-Key", orderId(exchange) + ":" + step);
        request.setBody(json.writeValueAsBytes(body));
        return request;
    }

    // the previous answer's headers must not go out with the next request
    private static Message fresh(Exchange exchange, String method, String url) {
        Message request = exchange.getMessage();
        request.removeHeaders("*");
        request.setHeader(Exchange.HTTP_METHOD, method);
        request.setHeader(Exchange.HTTP_URI, url);
        request.setHeader("Accept", "application/json");
        return request;
    }

    private static ObjectNode refs(Exchange exchange) {
        return exchange.getProperty(REFS, ObjectNode.class);
    }

    private static String orderId(Exchange exchange) {
        return exchange.getProperty(ORDER_ID, String.class);
    }
}
