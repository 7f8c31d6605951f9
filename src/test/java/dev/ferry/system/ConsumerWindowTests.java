package dev.ferry.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;

class ConsumerWindowTests {

    @Test
    void theFactoryBehindBootsCachingFactoryPrefetchesNothing() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("vm://0");
        assertThat(artemis.getConsumerWindowSize()).as("Artemis' default").isEqualTo(1024 * 1024);

        Object bean = new ConsumerWindow().postProcessAfterInitialization(new CachingConnectionFactory(artemis),
                "jmsConnectionFactory");

        assertThat(bean).isInstanceOf(CachingConnectionFactory.class);
        assertThat(artemis.getConsumerWindowSize()).isZero();
    }

    @Test
    void aPlainArtemisFactoryPrefetchesNothingEither() {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory("tcp://localhost:61616");

        new ConsumerWindow().postProcessAfterInitialization(artemis, "jmsConnectionFactory");

        assertThat(artemis.getConsumerWindowSize()).isZero();
    }
}
