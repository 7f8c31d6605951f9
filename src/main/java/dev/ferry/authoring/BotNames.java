package dev.ferry.authoring;

import dev.ferry.rpa.BotFiles;
import dev.ferry.rpa.JavaBot;
import dev.ferry.system.Suggestions;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bots an {@code rpa:<name>} endpoint may name, found as Ferry's Bots finds them: the files
 * rpa-bots/<system>/<name>.yaml, and the Java bots among Ferry's components, whose name is what their
 * {@link JavaBot#name()} returns. A Java bot that cannot be made without Spring (its constructor takes
 * beans) keeps its name to itself; then no name is reported, as it may be that bot's.
 */
final class BotNames {

    private final Set<String> names = new TreeSet<>();
    private final List<String> unnamed = new ArrayList<>();

    BotNames(Path home, Collection<Class<?>> components) {
        names.addAll(BotFiles.names(home));
        for (Class<?> type : components) {
            if (JavaBot.class.isAssignableFrom(type)) {
                javaName(type);
            }
        }
    }

    void check(String uri, Place place, List<Mistake> mistakes) {
        String name = uri.strip().substring("rpa:".length()).split("[?]", 2)[0].replaceFirst("^//", "");
        if (name.isEmpty() || name.contains("{{") || name.contains("${") || names.contains(name)
                || !unnamed.isEmpty()) {
            return;
        }
        String meant = Suggestions.closest(name, names).orElse(null);
        mistakes.add(place.mistake("no bot '" + name + "'" + (meant == null
                ? " (a bot is rpa-bots/<system>/" + name + ".yaml or a Java bot; the bots: " + String.join(", ", names)
                        + ")"
                : "; did you mean '" + meant + "'?")));
    }

    private void javaName(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            names.add(((JavaBot) constructor.newInstance()).name());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError needsSpring) {
            unnamed.add(type.getName());
        }
    }
}
