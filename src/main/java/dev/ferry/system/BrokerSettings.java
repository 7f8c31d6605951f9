package dev.ferry.system;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's redelivery rules. A message comes back only when a consumer's transaction
 * rolled back, i.e. Ferry could not even record what happened (its database was unreachable): it
 * is delivered again with a growing pause and never moved to a dead-letter queue, so no order is
 * lost while the database is away.
 */
@Configuration(proxyBeanMethods = false)
class BrokerSettings {

    @Bean
    ArtemisConfigurationCustomizer ferryAddressSettings() {
        return configuration -> configuration.addAddressSetting("ferry.#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(-1));
    }
}
