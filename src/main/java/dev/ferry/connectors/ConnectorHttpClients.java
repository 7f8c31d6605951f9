package dev.ferry.connectors;

import java.time.Duration;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One HTTP client setup per system, named {@code <system>HttpClient}, so each connector has its own
 * read timeout ({@code ferry.connectors.<system>.read-timeout}). Kamelets pick theirs with
 * {@code httpClientConfigurer: "#erpHttpClient"}.
 */
@Component
class ConnectorHttpClients implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // runs before any bean exists, so it reads the settings itself rather than asking Connectors
        Connector.bindAll(environment).forEach((system, connector) -> {
            Duration readTimeout = connector.readTimeout() == null ? DEFAULT_READ_TIMEOUT : connector.readTimeout();
            var definition = new RootBeanDefinition(HttpClientConfigurer.class, () -> configurer(readTimeout));
            registry.registerBeanDefinition(system + "HttpClient", definition);
        });
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // all work is done when the definitions are registered
    }

    static HttpClientConfigurer configurer(Duration readTimeout) {
        return builder -> builder.setDefaultRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(readTimeout))
                .build());
    }
}
