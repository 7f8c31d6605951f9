package dev.ferry.system;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Ferry's consumers take a message from the broker only when they are free to work on it: the Artemis client
 * otherwise buffers up to 1 MiB of messages per consumer (its consumerWindowSize), thousands of order ids, and
 * a consumer busy in a long step (a bot run) holds all of them, and every retry the broker hands it as it falls
 * due, until it is done, while the other consumers sit idle. Window 0 makes each receive ask the broker for one
 * message. Both brokers: Boot makes the factory for the embedded (in-VM) and the external (TCP) one alike, and
 * the JmsTemplate's sends are unaffected.
 */
@Component
class ConsumerWindow implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object factory = bean instanceof SingleConnectionFactory cached ? cached.getTargetConnectionFactory() : bean;
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            // allowed until the factory's first connection; a bean is post-processed before anyone uses it
            artemis.setConsumerWindowSize(0);
        }
        return bean;
    }
}
