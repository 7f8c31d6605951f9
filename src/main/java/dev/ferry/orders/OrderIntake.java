package dev.ferry.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.ferry.tracing.OrderTraces;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way into Ferry for an order, whether posted, pushed or pulled. An order is durable once
 * its row is committed; the queue send comes after, and the re-publisher covers a send that never
 * happened. Duplicates are stopped by the database's unique constraints, so concurrent copies of the
 * same order still yield one.
 */
@Service
public class OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final OrderValidator validator;
    private final OrderStore store;
    private final Journal journal;
    private final OrderQueue queue;
    private final EnqueueMarks marks;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final OrderTraces traces;

    OrderIntake(OrderValidator validator, OrderStore store, Journal journal, OrderQueue queue, EnqueueMarks marks,
            TransactionTemplate tx, ObjectMapper json, OrderTraces traces) {
        this.traces = traces;
        this.marks = marks;
        this.validator = validator;
        this.store = store;
        this.journal = journal;
        this.queue = queue;
        this.tx = tx;
        this.json = json;
    }

    /**
     * @param client the name of the API key that posted the order, whose Idempotency-Keys are its own; null for
     *        an order Ferry pulled itself, which carries no Idempotency-Key
     */
    public Intake accept(ObjectNode order, String client, String idempotencyKey) {
        if (idempotencyKey != null && client == null) {
            throw new IllegalArgumentException("An Idempotency-Key belongs to the API client that sent it");
        }
        checkKey(idempotencyKey);
        Violations violations = validator.check(order);
        if (!violations.isEmpty()) {
            throw new InvalidOrderException("The order does not match the order schema.", violations);
        }
        String payload = write(order);
        String hash = sha256(payload);
        String source = order.path("source").asText();
        String externalId = order.path("externalId").asText();

        // an order comes once, so it is inserted straight away: a copy (same Idempotency-Key or same source and
        // externalId) fails on the table's unique constraints and is answered with the order it copies
        String id = OrderIds.next();
        // the request's trace (continuing the client's traceparent, if it sent one) becomes the order's
        String traceParent = traces.current();
        try {
            tx.executeWithoutResult(status -> {
                store.insert(id, client, idempotencyKey, hash, order, payload, OrderStatus.ACCEPTED, Instant.now(),
                        traceParent);
                journal.append(id, "accept", StepOutcome.OK, "Accepted from " + source + " as " + externalId);
            });
        } catch (DuplicateKeyException copy) {
            return findEarlier(client, idempotencyKey, hash, source, externalId).orElseThrow(() -> copy);
        }
        enqueue(id);
        return new Intake(id, OrderStatus.ACCEPTED, true);
    }

    /**
     * Keeps an invalid order that no client can be told about (a scheduled pull found it) so that a
     * reviewer can correct it: stored FLAGGED, never queued. Returns empty when the order cannot even be
     * identified (no source or externalId) or was kept before.
     */
    public Optional<String> keepForReview(ObjectNode order) {
        String source = order.path("source").asText("");
        String externalId = order.path("externalId").asText("");
        if (source.isBlank() || externalId.isBlank() || store.findBySourceAndExternalId(source, externalId).isPresent()) {
            return Optional.empty();
        }
        String id = OrderIds.next();
        try {
            String payload = write(order);
            store.insert(id, null, null, sha256(payload), order, payload, OrderStatus.FLAGGED, Instant.now(),
                    traces.current());
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
        journal.append(id, "accept", StepOutcome.OK, "Received from " + source + " as " + externalId);
        return Optional.of(id);
    }

    void enqueue(String id) {
        try {
            queue.send(id);
            marks.enqueued(id);
        } catch (RuntimeException e) {
            // the order is committed; the re-publisher queues it once the broker answers again
            log.warn("Order {} is stored but could not be queued yet: {}", id, e.getMessage());
        }
    }

    private Optional<Intake> findEarlier(String client, String key, String hash, String source, String externalId) {
        if (key != null) {
            var byKey = store.findByIdempotencyKey(client, key);
            if (byKey.isPresent()) {
                if (!byKey.get().payloadHash().equals(hash)) {
                    throw new IdempotencyKeyReusedException(key, byKey.get().id());
                }
                return byKey.map(e -> new Intake(e.id(), e.status(), false));
            }
        }
        return store.findBySourceAndExternalId(source, externalId).map(e -> new Intake(e.id(), e.status(), false));
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidOrderException("The Idempotency-Key header is not usable.", List.of(
                    new Violation("", "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible characters")));
        }
    }

    private String write(ObjectNode order) {
        try {
            return json.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
