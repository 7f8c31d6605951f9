package dev.ferry.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final ObjectReader reader;
    private final int maxBodyBytes;

    OrderController(OrderIntake intake, OrderQueries queries, ObjectMapper json,
            @Value("${ferry.intake.max-body-bytes}") int maxBodyBytes) {
        this.intake = intake;
        this.queries = queries;
        // money arrives as decimals, never doubles; "{...} junk" and duplicate keys are not an order
        this.reader = json.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxBodyBytes = maxBodyBytes;
    }

    // Reads the raw body itself: the size limit, the content type and malformed JSON each get their own answer.
    @PostMapping
    ResponseEntity<Map<String, Object>> accept(HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        requireJson(request.getContentType());
        ObjectNode order = parse(readLimited(request));
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

    private static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !(MediaType.APPLICATION_JSON.includes(type) || "json".equals(type.getSubtypeSuffix()))) {
            throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the order as application/json" + (contentType == null ? "." : ", not " + contentType + "."));
        }
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "The order is larger than the limit of " + maxBodyBytes + " bytes.");
    }

    private ObjectNode parse(byte[] body) {
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new InvalidOrderException("The body is not valid JSON.",
                    List.of(new Violation("", "Malformed JSON" + at + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidOrderException("The body could not be read.", List.of(new Violation("", e.getMessage())));
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw new InvalidOrderException("The body is not a JSON object.",
                    List.of(new Violation("", "An order must be a JSON object")));
        }
        return (ObjectNode) node;
    }
}
