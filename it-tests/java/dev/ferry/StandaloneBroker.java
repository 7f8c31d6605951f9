package dev.ferry;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An ActiveMQ Artemis broker in a process of its own, as an operator runs one for a Ferry cluster: persistent
 * journal on disk, one TCP acceptor on loopback, and the redelivery rules docs/operations.md asks of a
 * broker for Ferry (messages are redelivered with growing pauses and never dead-lettered).
 * {@code java -cp <test classpath> dev.ferry.StandaloneBroker <port> <data dir>}
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        Configuration config = new ConfigurationImpl()
                .setName("ferry-it-broker")
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        config.addAddressSetting("ferry.#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(-1));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }));
        System.out.println("Broker listening on tcp://127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
