package dev.ferry.authoring;

import dev.ferry.rpa.JavaBot;
import dev.ferry.system.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * The {@code bean:} steps of routes and Kamelets against Ferry's own beans, found as Spring finds them (the
 * components of dev.ferry, named as Spring names them): a bean that exists, and a public method of that name.
 * A name Ferry does not define is accepted when the routes define it themselves ({@code beans:}).
 */
final class BeanCheck {

    private final Map<String, String> beans = new TreeMap<>();
    private final List<String> javaBots = new ArrayList<>();
    private final Predicate<String> definedByRoutes;

    BeanCheck(Predicate<String> definedByRoutes) {
        this.definedByRoutes = definedByRoutes;
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        // the scan reads class files without loading them; a class is loaded only when a route calls its bean
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ferry")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry);
            beans.put(name, candidate.getBeanClassName());
            if (candidate instanceof AnnotatedBeanDefinition annotated && mayBeJavaBot(annotated.getMetadata())) {
                javaBots.add(candidate.getBeanClassName());
            }
        }
    }

    /** The components that are Java bots. */
    List<Class<?>> javaBots() {
        List<Class<?>> types = new ArrayList<>();
        javaBots.forEach(name -> load(name).filter(JavaBot.class::isAssignableFrom).ifPresent(types::add));
        return types;
    }

    // a bot implements JavaBot, or extends a class of Ferry's that may (only those are loaded to find out)
    private static boolean mayBeJavaBot(AnnotationMetadata type) {
        return List.of(type.getInterfaceNames()).contains(JavaBot.class.getName())
                || (type.getSuperClassName() != null && type.getSuperClassName().startsWith("dev.ferry."));
    }

    void check(String ref, String method, Place place, List<Mistake> mistakes) {
        if (ref == null || ref.contains("{{") || definedByRoutes.test(ref)) {
            return;
        }
        String type = beans.get(ref);
        if (type == null) {
            mistakes.add(place.mistake("no bean '" + ref + "' in Ferry" + Suggestions.hint(ref, beans.keySet())
                    + " (the beans routes may call: docs/routes.md#beans-routes-may-call)"));
            return;
        }
        if (method == null || method.isBlank()) {
            return;
        }
        String name = method.split("\\(", 2)[0].strip();
        // a component that cannot load here (its library is missing) is not one a route can call either
        Set<String> methods = load(type).map(BeanCheck::publicMethods).orElse(Set.of());
        if (!methods.contains(name)) {
            mistakes.add(place.mistake("the bean '" + ref + "' has no method '" + name + "'"
                    + Suggestions.hint(name, methods) + " (its methods: " + String.join(", ", methods) + ")"));
        }
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(ClassUtils.forName(name, BeanCheck.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError unloadable) {
            return Optional.empty();
        }
    }

    private static Set<String> publicMethods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(type.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName).forEach(names::add);
        return names;
    }
}
