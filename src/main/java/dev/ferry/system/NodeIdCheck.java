package dev.ferry.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node without a name would share its claims on orders, schedule runs and bot slots with every other
 * nameless node; refuse to start instead.
 */
@Component
class NodeIdCheck {

    NodeIdCheck(@Value("${ferry.node-id:}") String nodeId) {
        if (nodeId.isBlank()) {
            throw new IllegalStateException("ferry.node-id is empty: set FERRY_NODE_ID to a name that differs"
                    + " between nodes and stays the same across restarts of one node (docs/operations.md).");
        }
    }
}
