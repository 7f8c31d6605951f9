package dev.ferry.bots.nordicfreight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.rpa.BotFailure;
import dev.ferry.rpa.BotSession;
import dev.ferry.rpa.JavaBot;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code rpa:shipment-statuses}: reads every page of the Nordic Freight portal's shipment-status table and
 * returns {@code { shipments: [ { consignmentNumber, reference, status, lastUpdate } ], pages }}. Input
 * (optional): {@code { maxPages }}, 100 when absent.
 */
@Component
class ShipmentStatusBot implements JavaBot {

    static final String USERNAME = "portal-username";
    static final String PASSWORD = "portal-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode INPUT = read("""
            { "type": "object",
              "properties": { "maxPages": { "type": "integer", "minimum": 1, "maximum": 1000 } } }""");

    @Override
    public String name() {
        return "shipment-statuses";
    }

    @Override
    public String system() {
        return "freight-portal";
    }

    @Override
    public String description() {
        return "Reads the status of every consignment from the Nordic Freight portal's shipment-status table.";
    }

    @Override
    public int concurrency() {
        return 2;
    }

    @Override
    public List<String> secrets() {
        return List.of(USERNAME, PASSWORD);
    }

    @Override
    public JsonNode input() {
        return INPUT;
    }

    @Override
    public String busyText() {
        return "System busy, please try again later.";
    }

    @Override
    public String sessionExpiredText() {
        return "Your session has expired.";
    }

    @Override
    public ObjectNode run(BotSession session, JsonNode input) {
        int maxPages = input == null ? 100 : input.path("maxPages").asInt(100);
        LoginScreen.open(session).signIn();
        ShipmentStatusScreen screen = ShipmentStatusScreen.open(session);
        ArrayNode shipments = JSON.createArrayNode();
        int pages = 1;
        screen.shipments().forEach(shipment -> shipments.add(json(shipment)));
        while (screen.next()) {
            if (++pages > maxPages) {
                throw session.failure(BotFailure.BOT_ERROR, "The shipment-status table has more than " + maxPages
                        + " pages; raise maxPages to read them all.", "stopped at page " + pages);
            }
            screen.shipments().forEach(shipment -> shipments.add(json(shipment)));
        }
        ObjectNode output = JSON.createObjectNode();
        output.set("shipments", shipments);
        output.put("pages", pages);
        return output;
    }

    private static ObjectNode json(Shipment shipment) {
        return JSON.createObjectNode().put("consignmentNumber", shipment.consignmentNumber())
                .put("reference", shipment.reference()).put("status", shipment.status())
                .put("lastUpdate", shipment.lastUpdate().toString());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
