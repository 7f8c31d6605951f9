package dev.ferry.bench.probe;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.reflect.Method;

/**
 * Counts what Ferry asks of its broker through the ConnectionFactory bean, the one Spring's JmsTemplate and Camel's
 * JMS component both use (Boot's CachingConnectionFactory around Artemis'): sessions taken (from the cache), messages
 * sent and received, and session commits, rollbacks and recovers. A transacted session acknowledges what it received
 * with its commit; an auto-acknowledge session acknowledges each message as it is received.
 */
final class Jms {

    private Jms() {
    }

    static Object wrap(ConnectionFactory factory) {
        Object subclass = Proxies.subclass(factory,
                invocation -> connection(invocation.getMethod(),
                        Proxies.timed(Counts.JMS_CPU_NANOS, invocation::proceed)));
        return subclass != null ? subclass : Proxies.wrap(factory, new Proxies.Handler(factory) {
            @Override
            Object handle(Method method, Object[] args) throws Throwable {
                return connection(method, timed(method, args, Counts.JMS_CPU_NANOS));
            }
        });
    }

    private static Object connection(Method method, Object result) {
        if (result instanceof Connection connection && method.getName().startsWith("create")) {
            Counts.JMS_CONNECTION.increment();
            return Proxies.wrap(connection, new ConnectionHandler(connection));
        }
        return result;
    }

    private static final class ConnectionHandler extends Proxies.Handler {

        ConnectionHandler(Connection connection) {
            super(connection);
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            Object result = timed(method, args, Counts.JMS_CPU_NANOS);
            if (result instanceof Session session && method.getName().startsWith("create")) {
                Counts.JMS_SESSION.increment();
                return Proxies.wrap(session, new SessionHandler(session));
            }
            return result;
        }
    }

    private static final class SessionHandler extends Proxies.Handler {

        // a message received or sent since the last commit or rollback: a commit without one has nothing to commit
        // (Spring's listener containers commit after every receive that timed out)
        private volatile boolean work;

        SessionHandler(Session session) {
            super(session);
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> (work ? Counts.JMS_COMMIT : Counts.JMS_COMMIT_EMPTY).increment();
                case "rollback" -> Counts.JMS_ROLLBACK.increment();
                case "recover" -> Counts.JMS_RECOVER.increment();
                default -> {
                }
            }
            Object result = timed(method, args, Counts.JMS_CPU_NANOS);
            switch (method.getName()) {
                case "commit", "rollback", "recover" -> work = false;
                default -> {
                }
            }
            if (result instanceof MessageProducer producer) {
                return Proxies.wrap(producer, new ProducerHandler(producer, this));
            }
            if (result instanceof MessageConsumer consumer) {
                return Proxies.wrap(consumer, new ConsumerHandler(consumer, this));
            }
            return result;
        }
    }

    private static final class ProducerHandler extends Proxies.Handler {

        private final SessionHandler session;

        ProducerHandler(MessageProducer producer, SessionHandler session) {
            super(producer);
            this.session = session;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            Object result = timed(method, args, Counts.JMS_CPU_NANOS);
            if (method.getName().equals("send") || method.getName().equals("publish")) {
                Counts.JMS_SEND.increment();
                session.work = true;
            }
            return result;
        }
    }

    private static final class ConsumerHandler extends Proxies.Handler {

        private final SessionHandler session;
        private final boolean autoAcknowledge;

        ConsumerHandler(MessageConsumer consumer, SessionHandler session) {
            super(consumer);
            this.session = session;
            Session target = (Session) session.target;
            boolean auto;
            try {
                auto = !target.getTransacted() && target.getAcknowledgeMode() != Session.CLIENT_ACKNOWLEDGE;
            } catch (jakarta.jms.JMSException e) {
                auto = false;
            }
            this.autoAcknowledge = auto;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("setMessageListener") && args[0] instanceof MessageListener listener) {
                return call(method, new Object[] {(MessageListener) message -> {
                    received(message);
                    listener.onMessage(message);
                }});
            }
            Object result = timed(method, args, Counts.JMS_CPU_NANOS);
            if (name.startsWith("receive")) {
                received(result);
            }
            return result;
        }

        private void received(Object message) {
            if (message == null) {
                Counts.JMS_RECEIVE_EMPTY.increment();
                return;
            }
            Counts.JMS_RECEIVE.increment();
            session.work = true;
            if (autoAcknowledge) {
                Counts.JMS_RECEIVE_AUTO_ACK.increment();
            }
        }
    }
}
