package dev.ferry.bench.volume;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ferry's own query classes over the bench's database, wired by a small Spring context (no web, broker or
 * routes), so the bench times exactly the code the API and pages run. Most of them are package-private, as
 * Ferry's style wants; the bench reaches them by reflection rather than widening them for its sake.
 */
final class Ferry implements AutoCloseable {

    private static final List<String> BEANS = List.of("dev.ferry.orders.OrderStore", "dev.ferry.orders.Journal",
            "dev.ferry.orders.OrderQueries", "dev.ferry.orders.OrderMetrics", "dev.ferry.inbox.InboxStore",
            "dev.ferry.inbox.InboxHistory", "dev.ferry.inbox.InboxOpenExceptions", "dev.ferry.inbox.InboxQueries");

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

    Ferry(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(ObjectMapper.class, () -> new ObjectMapper().findAndRegisterModules());
        context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        context.registerBean(dev.ferry.rpa.BotEvidence.class, () -> orderId -> List.of());
        BEANS.forEach(name -> context.registerBean(type(name)));
        context.refresh();
    }

    Object bean(String className) {
        return context.getBean(type(className));
    }

    /** An object Ferry would make itself, built here from the arguments given (null for a collaborator not needed). */
    static Object create(String className, Object... args) {
        for (Constructor<?> constructor : type(className).getDeclaredConstructors()) {
            if (constructor.getParameterCount() == args.length) {
                try {
                    constructor.setAccessible(true);
                    return constructor.newInstance(args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Could not make a " + className + ": " + e, e);
                }
            }
        }
        throw new IllegalStateException(className + " has no constructor of " + args.length + " arguments");
    }

    /** Calls the method of that name and number of arguments, whatever its visibility. */
    static Object call(Object target, String name, Object... args) {
        Class<?> type = target.getClass();
        while (type != null) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length
                        && accepts(method.getParameterTypes(), args)) {
                    try {
                        method.setAccessible(true);
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            type = type.getSuperclass();
        }
        throw new IllegalStateException(target.getClass().getName() + " has no method " + name + " of "
                + Arrays.toString(args));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object constant(String enumName, String value) {
        return value == null ? null : Enum.valueOf((Class<Enum>) type(enumName), value);
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            if (args[i] != null && !wrap(types[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == boolean.class ? Boolean.class
                : Object.class;
    }

    static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Ferry's classes are not on the classpath: " + name, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
