package dev.ferry.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.camel.Endpoint;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel endpoints that keep an ObjectMapper of their own (Ferry's jsonata endpoints do) get a counting copy of it in
 * its place as they are added, before their first exchange. Camel's main configuration picks up every
 * LifecycleStrategy bean.
 */
final class EndpointMappers extends LifecycleStrategySupport {

    private static final Logger log = LoggerFactory.getLogger(EndpointMappers.class);

    @Override
    public void onEndpointAdd(Endpoint endpoint) {
        for (Class<?> type = endpoint.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == ObjectMapper.class && !Modifier.isStatic(field.getModifiers())) {
                    replace(endpoint, field);
                }
            }
        }
    }

    private static void replace(Endpoint endpoint, Field field) {
        try {
            field.setAccessible(true);
            if (field.get(endpoint) instanceof ObjectMapper mapper && mapper.getClass() == ObjectMapper.class) {
                field.set(endpoint, new CountingObjectMapper(mapper, Counts.ENDPOINT_JSON));
                Counts.ENDPOINT_MAPPERS.increment();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("bench probe: cannot count the ObjectMapper {} of {}: {}", field.getName(),
                    endpoint.getEndpointUri(), e.toString());
        }
    }
}
