package dev.ferry.authoring;

import dev.ferry.system.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

/**
 * The {@code bean:} steps of routes and Kamelets against Ferry's own beans, found as Spring finds them (the
 * components of dev.ferry, named as Spring names them): a bean that exists, and a public method of that name.
 * A name Ferry does not define is accepted when the routes define it themselves ({@code beans:}).
 */
final class BeanCheck {

    private final Map<String, Class<?>> beans = new TreeMap<>();
    private final Predicate<String> definedByRoutes;

    BeanCheck(Predicate<String> definedByRoutes) {
        this.definedByRoutes = definedByRoutes;
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ferry")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
            try {
                beans.put(name, ClassUtils.forName(candidate.getBeanClassName(), BeanCheck.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError unloadable) {
                // a component that cannot load here (its library is missing) is not one a route can call either
            }
        }
    }

    /** The classes of Ferry's components. */
    Collection<Class<?>> types() {
        return beans.values();
    }

    void check(String ref, String method, Place place, List<Mistake> mistakes) {
        if (ref == null || ref.contains("{{") || definedByRoutes.test(ref)) {
            return;
        }
        Class<?> type = beans.get(ref);
        if (type == null) {
            mistakes.add(place.mistake("no bean '" + ref + "' in Ferry" + Suggestions.hint(ref, beans.keySet())
                    + " (the beans routes may call: docs/routes.md#beans-routes-may-call)"));
            return;
        }
        if (method == null || method.isBlank()) {
            return;
        }
        String name = method.split("\\(", 2)[0].strip();
        Set<String> methods = publicMethods(type);
        if (!methods.contains(name)) {
            mistakes.add(place.mistake("the bean '" + ref + "' has no method '" + name + "'"
                    + Suggestions.hint(name, methods) + " (its methods: " + String.join(", ", methods) + ")"));
        }
    }

    private static Set<String> publicMethods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName).forEach(names::add);
        return names;
    }
}
