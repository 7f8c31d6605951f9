package dev.ferry.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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

    /** The answer to a post: the order's id and its status (ACCEPTED, or where an earlier copy got to). */
    record Accepted(String orderId, OrderStatus status) {
    }

    // the raw body, not a bound object: the size limit, the content type and malformed JSON each get their own answer
    @PostMapping
    ResponseEntity<Accepted> accept(HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller)
            throws IOException {
        OrderAccess access = OrderAccess.of(caller);
        if (access.client() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Orders are posted with an API key bound to their source.");
        }
        ObjectNode order = bodies.read(request);
        // a source that is not text is the schema's to refuse (400)
        JsonNode source = order.path("source");
        if (source.isTextual() && !access.mayPost(source.asText())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This API key may not post orders of source '"
                    + source.asText() + "'; it posts only as " + sorted(access.client().sources()) + ".");
        }
        Intake result = intake.accept(order, access.client().name(), idempotencyKey);
        return ResponseEntity.status(result.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/orders/" + result.orderId()))
                .body(new Accepted(result.orderId(), result.status()));
    }

    // another source's order answers as one that does not exist: 403 would confirm to a client that the id is taken
    @GetMapping("/{orderId}")
    OrderView find(@PathVariable String orderId, Authentication caller) {
        OrderAccess access = OrderAccess.of(caller);
        return queries.find(orderId).filter(order -> access.mayRead(order.source()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no order with id " + orderId + "."));
    }

    @GetMapping
    OrderPage page(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication caller) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        OrderAccess access = OrderAccess.of(caller);
        if (source == null || source.isBlank()) {
            return queries.page(status(status), access.listed(), page, size);
        }
        if (!access.mayRead(source)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This API key may not read orders of source '"
                    + source + "'; it reads only " + sorted(access.listed()) + ".");
        }
        return queries.page(status(status), Set.of(source), page, size);
    }

    private static Set<String> sorted(Set<String> sources) {
        return new TreeSet<>(sources);
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
