package dev.ferry.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ferry.sandbox.enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

    @Bean(destroyMethod = "stop")
    SandboxSystems sandboxSystems(SandboxSettings settings) {
        return SandboxSystems.start(settings);
    }
}
