package dev.ferry.system;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.NodeManager;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets go of the embedded broker's journal lock before the broker stops. The broker checks that lock every
 * 2 s on a thread its stop interrupts; a check under way at that moment logged an ERROR
 * (ClosedByInterruptException) on an otherwise quiet stop. Pausing the primary node first, as the broker's
 * own stop does a moment later, ends those checks. Stops after everything that sends or consumes.
 */
@Component
class EmbeddedBrokerStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerStop.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private volatile boolean running;

    EmbeddedBrokerStop(ObjectProvider<EmbeddedActiveMQ> broker) {
        this.broker = broker;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        NodeManager node = server == null || !server.isStarted() ? null : server.getNodeManager();
        if (node == null) {
            return;
        }
        try {
            node.pausePrimaryServer();
        } catch (Exception e) {
            log.debug("The embedded broker's journal lock could not be let go of before its stop", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // the last to stop: Camel's consumers and the senders are done with the broker by then
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
