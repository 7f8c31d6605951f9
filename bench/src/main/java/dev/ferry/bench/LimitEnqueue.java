package dev.ferry.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The queue half of the limit: the embedded Artemis configured as Ferry's (Spring Boot's embedded defaults — NIO
 * journal, persistence on, in-VM acceptor — and Ferry's address settings), its journal on the same disk as
 * Ferry's data, and persistent sends of an order id (what intake puts on the queue) from many threads, each
 * returning once the broker has the message on disk.
 */
final class LimitEnqueue {

    record Result(int threads, double seconds, long messages) {
        double perSecond() {
            return messages / seconds;
        }
    }

    private LimitEnqueue() {
    }

    static Result run(Path dataDir, int threads, Duration duration) throws Exception {
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(dataDir));
        broker.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            AtomicLong sent = new AtomicLong();
            double seconds = Saturation.run(threads, duration, (thread, over) -> {
                try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                    MessageProducer producer = session.createProducer(session.createQueue("ferry.orders"));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    while (!over.getAsBoolean()) {
                        producer.send(session.createTextMessage(UUID.randomUUID().toString()));
                        sent.incrementAndGet();
                    }
                }
            });
            return new Result(threads, seconds, sent.get());
        } finally {
            factory.close();
            broker.stop();
        }
    }

    private static Configuration configuration(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Configuration configuration = new ConfigurationImpl()
                .setSecurityEnabled(false)
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("largemessages").toString())
                .addAcceptorConfiguration("in-vm", "vm://0")
                .addAddressSetting("ferry.#", new AddressSettings().setRedeliveryDelay(1_000)
                        .setRedeliveryMultiplier(2.0).setMaxRedeliveryDelay(60_000).setMaxDeliveryAttempts(-1))
                .addQueueConfiguration(QueueConfiguration.of("ferry.orders").setRoutingType(RoutingType.ANYCAST));
        return configuration;
    }
}
