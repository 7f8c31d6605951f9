package dev.ferry.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The bench's probe (bench/README.md, scenario cost): on Ferry's class path only when the bench measures cost per
 * order. Wraps the DataSource and JMS ConnectionFactory beans in counting proxies and puts a counting copy in place of
 * the ObjectMapper bean; the counts are the Micrometer counter {@code bench.probe{what=...}} on /actuator/prometheus.
 * Ferry's own code is not changed.
 */
@AutoConfiguration
public class ProbeAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProbeAutoConfiguration.class);

    // static: a post-processor is made before every other bean, without this configuration. It runs after Ferry's
    // own post-processors (Boot registers auto-configurations' beans after the application's), so it wraps what
    // they made of a bean (Ferry's group-commit DataSource around the pool): the calls Ferry's code makes
    @Bean
    static BeanPostProcessor benchProbeWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                Object wrapped = null;
                if (bean instanceof DataSource dataSource) {
                    wrapped = Jdbc.wrap(dataSource);
                } else if (bean instanceof jakarta.jms.ConnectionFactory factory) {
                    wrapped = Jms.wrap(factory);
                } else if (bean.getClass() == ObjectMapper.class) {
                    wrapped = new CountingObjectMapper((ObjectMapper) bean, Counts.BEAN_JSON);
                } else {
                    return bean;
                }
                if (wrapped == null) {
                    log.warn("bench probe: cannot count the calls to bean {} ({})", name, bean.getClass().getName());
                    return bean;
                }
                log.info("bench probe: counting the calls to bean {} ({})", name, bean.getClass().getName());
                return wrapped;
            }
        };
    }

    @Bean
    static EndpointMappers benchProbeEndpointMappers() {
        return new EndpointMappers();
    }

    @Bean
    MeterBinder benchProbeMeters() {
        return registry -> Counts.all().forEach((what, count) -> FunctionCounter
                .builder("bench.probe", count, LongAdder::sum).tag("what", what)
                .description("Calls counted by the bench's probe").register(registry));
    }
}
