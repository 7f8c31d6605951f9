package dev.ferry.bench.floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The bare stack's two doors: {@code POST /orders} makes the five calls, {@code POST /intake} only answers 202. */
@RestController
class BareOrders {

    private static final Logger LOG = LoggerFactory.getLogger(BareOrders.class);

    private final ProducerTemplate template;
    private final ObjectMapper json;
    private final String intakeAuthorization;

    BareOrders(ProducerTemplate template, ObjectMapper json, String intakeAuthorization) {
        this.template = template;
        this.json = json;
        this.intakeAuthorization = intakeAuthorization;
    }

    // Tomcat answers before Camel has started its routes
    @GetMapping("/ready")
    ResponseEntity<String> ready() {
        return template.getCamelContext().isStarted() ? ResponseEntity.ok("ready")
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("starting");
    }

    @PostMapping("/orders")
    ResponseEntity<JsonNode> fulfil(@RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody JsonNode order) {
        ResponseEntity<JsonNode> refused = refuse(authorization, order);
        if (refused != null) {
            return refused;
        }
        try {
            JsonNode answer = template.requestBody("direct:order", order, JsonNode.class);
            return ResponseEntity.ok(answer);
        } catch (RuntimeException failed) {
            LOG.warn("an order failed", failed);
            ObjectNode problem = json.createObjectNode().put("error", "a call failed")
                    .put("detail", String.valueOf(failed.getMessage()));
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
        }
    }

    @PostMapping("/intake")
    ResponseEntity<JsonNode> intake(@RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody JsonNode order) {
        ResponseEntity<JsonNode> refused = refuse(authorization, order);
        if (refused != null) {
            return refused;
        }
        ObjectNode accepted = json.createObjectNode().put("orderId", UUID.randomUUID().toString())
                .put("status", "ACCEPTED");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    // what the Node-RED flow checks: the bearer key, and that the body looks like an order
    private ResponseEntity<JsonNode> refuse(String authorization, JsonNode order) {
        if (!intakeAuthorization.equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(json.valueToTree(Map.of("error", "no key")));
        }
        if (!order.path("customer").hasNonNull("id") || !order.path("lines").isArray()) {
            return ResponseEntity.badRequest().body(json.valueToTree(Map.of("error", "not an order")));
        }
        return null;
    }
}
