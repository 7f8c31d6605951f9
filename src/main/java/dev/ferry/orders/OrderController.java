package dev.ferry.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final int MAX_PAGE_SIZE = 200;

    private final OrderIntake intake;
    private final OrderQueries queries;
    private final OrderBodyReader bodies;

    OrderController(OrderIntake intake, OrderQueries queries, OrderBodyReader bodies) {
        this.intake = intake;
        this.queries = queries;
        this.bodies = bodies;
    }

    // the raw body, not a bound object: the size limit, the content type and malformed JSON each get their own answer
    @PostMapping
    ResponseEntity<Map<String, Object>> accept(HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        ObjectNode order = bodies.read(request);
        Intake result = intake.accept(order, idempotencyKey);
        return ResponseEntity.status(result.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/orders/" + result.orderId()))
                .body(Map.of("orderId", result.orderId(), "status", result.status()));
    }

    @GetMapping("/{orderId}")
    OrderView find(@PathVariable String orderId) {
        return queries.find(orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no order with id " + orderId + "."));
    }

    @GetMapping
    OrderPage page(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return queries.page(status(status), source, page, size);
    }

    private static OrderStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status '" + status
                    + "'; use one of " + List.of(OrderStatus.values()) + ".");
        }
    }
}
