package dev.ferry.routing;

import dev.ferry.orders.OrderStore;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node that starts is working on nothing, so claims under its name were left by a crash. Releasing
 * them before the consumers start lets the broker's redelivered messages pick those orders up at once;
 * the re-publisher takes up the others (a retry that waited in the dead node's memory has no message)
 * after ferry.intake.republish-after.
 */
@Component
class ClaimRelease {

    private static final Logger log = LoggerFactory.getLogger(ClaimRelease.class);

    private final OrderStore store;
    private final String nodeId;
    private final Duration republishAfter;

    ClaimRelease(OrderStore store, @Value("${ferry.node-id}") String nodeId,
            @Value("${ferry.intake.republish-after}") Duration republishAfter) {
        this.store = store;
        this.nodeId = nodeId;
        this.republishAfter = republishAfter;
    }

    @PostConstruct
    void release() {
        int released = store.releaseClaims(nodeId, Instant.now().plus(republishAfter));
        if (released > 0) {
            log.info("Released {} order(s) that node {} was working on when it stopped", released, nodeId);
        }
    }
}
