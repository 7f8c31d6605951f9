package dev.ferry.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a reviewer may do to a flagged order: correct its payload, send it through again, or discard it. */
@Service
public class OrderReview {

    private final OrderValidator validator;
    private final OrderStore store;
    private final OrderIntake intake;

    OrderReview(OrderValidator validator, OrderStore store, OrderIntake intake) {
        this.validator = validator;
        this.store = store;
        this.intake = intake;
    }

    /**
     * Validates the corrected order exactly like intake and stores it; source and externalId identify
     * the order and cannot change. Returns the payload it replaced.
     *
     * @throws InvalidOrderException with every violation, and nothing changed
     */
    @Transactional
    public ObjectNode replacePayload(String orderId, ObjectNode corrected) {
        OrderRecord order = store.find(orderId).orElseThrow(() -> new IllegalArgumentException("No order " + orderId));
        List<Violation> changedIdentity = new ArrayList<>();
        for (String identity : List.of("source", "externalId")) {
            if (!order.payload().path(identity).equals(corrected.path(identity))) {
                changedIdentity.add(new Violation("/" + identity, identity + " identifies the order and cannot be"
                        + " changed (it is '" + order.payload().path(identity).asText() + "')"));
            }
        }
        Violations violations = validator.check(corrected).and(changedIdentity);
        if (!violations.isEmpty()) {
            throw new InvalidOrderException("The corrected order is not valid; nothing was changed.", violations);
        }
        store.replacePayload(orderId, corrected);
        return order.payload();
    }

    /** Sends a flagged order through fulfilment again; steps already done are skipped. */
    public boolean replay(String orderId) {
        if (!store.requeue(orderId)) {
            return false;
        }
        intake.enqueue(orderId);
        return true;
    }

    /**
     * The database half of {@link #replay}, inside the caller's transaction: the order is ACCEPTED and not
     * yet queued, so should the caller die before {@link #enqueue}, the re-publisher queues it.
     */
    public boolean requeue(String orderId) {
        return store.requeue(orderId);
    }

    /** The queue half of {@link #replay}; call it once the requeue has committed. */
    public void enqueue(String orderId) {
        intake.enqueue(orderId);
    }

    public void discard(String orderId) {
        store.finish(orderId, OrderStatus.DISCARDED);
    }

    /**
     * Takes a discard back: the order is FLAGGED again, waiting for review. Nothing ran on a discarded order, so
     * nothing else needs undoing. False if the order is not DISCARDED.
     */
    public boolean undiscard(String orderId) {
        return store.undiscard(orderId);
    }
}
