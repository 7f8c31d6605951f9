package dev.ferry.bench.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.util.ClassUtils;

/** Wrapping objects in counting proxies. */
final class Proxies {

    private Proxies() {
    }

    /** A java.lang.reflect.Proxy with every public interface of the target, calls going to {@code handler}. */
    static Object wrap(Object target, Handler handler) {
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClassAsSet(target.getClass()).stream()
                .filter(type -> Modifier.isPublic(type.getModifiers())).toArray(Class<?>[]::new);
        return Proxy.newProxyInstance(Proxies.class.getClassLoader(), interfaces, handler);
    }

    /**
     * A subclass proxy of a bean (Spring AOP, CGLIB), so that Ferry's own {@code instanceof HikariDataSource} and
     * {@code instanceof SingleConnectionFactory} checks still see what they expect; null when the class cannot be
     * subclassed (a final class: then an interface proxy has to do).
     */
    static Object subclass(Object bean, MethodInterceptor interceptor) {
        if (Proxy.isProxyClass(bean.getClass()) || Modifier.isFinal(bean.getClass().getModifiers())) {
            return null;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice(interceptor);
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    /** Calls through to the target; equal to another proxy of the same target, so identity checks keep working. */
    abstract static class Handler implements InvocationHandler {

        final Object target;

        Handler(Object target) {
            this.target = target;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                            && Proxy.getInvocationHandler(args[0]) instanceof Handler other && other.target == target;
                    case "hashCode" -> System.identityHashCode(target);
                    default -> call(method, args);
                };
            }
            return handle(method, args);
        }

        abstract Object handle(Method method, Object[] args) throws Throwable;

        final Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** As {@link #call}, adding the calling thread's CPU time inside it to {@code cpuNanos}. */
        final Object timed(Method method, Object[] args, LongAdder cpuNanos) throws Throwable {
            return Proxies.timed(cpuNanos, () -> call(method, args));
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The calling thread's CPU time inside {@code call}, added to {@code cpuNanos}. */
    static Object timed(LongAdder cpuNanos, Call call) throws Throwable {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            return call.run();
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - before);
        }
    }

    @FunctionalInterface
    interface Call {
        Object run() throws Throwable;
    }
}
