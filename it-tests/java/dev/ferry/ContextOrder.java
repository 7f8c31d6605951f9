package dev.ferry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs the IT classes that build the same Spring context one after another, so that the failsafe JVM, which
 * keeps one context at a time (spring.test.context.cache.maxSize=1 in app.pom.xml), starts each context once.
 * Classes are grouped by Spring's own cache key, the merged context configuration; the largest group runs first,
 * the classes that start no context (those that start Ferry as a process) last, each part by class name. The
 * classes on a context run in this order in one thread (FerryIntegrationTest is SAME_THREAD); the others run
 * beside them (docs/architecture.md#tests).
 */
public final class ContextOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<ClassDescriptor> byName = new ArrayList<>(context.getClassDescriptors());
        byName.sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName()));
        Map<Optional<MergedContextConfiguration>, List<ClassDescriptor>> groups = new LinkedHashMap<>();
        for (ClassDescriptor descriptor : byName) {
            groups.computeIfAbsent(contextOf(descriptor.getTestClass()), key -> new ArrayList<>()).add(descriptor);
        }
        List<Map.Entry<Optional<MergedContextConfiguration>, List<ClassDescriptor>>> ordered =
                new ArrayList<>(groups.entrySet());
        // stable: groups of one size keep the order of their first class's name
        ordered.sort(Comparator.comparing((Map.Entry<Optional<MergedContextConfiguration>, List<ClassDescriptor>> group)
                        -> group.getKey().isEmpty())
                .thenComparing(group -> -group.getValue().size()));
        List<ClassDescriptor> result = ordered.stream().flatMap(group -> group.getValue().stream()).toList();
        context.getClassDescriptors().sort(Comparator.comparingInt(result::indexOf));
    }

    private static Optional<MergedContextConfiguration> contextOf(Class<?> testClass) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(BootstrapWith.class)) {
            return Optional.empty();
        }
        return Optional.of(BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration());
    }
}
