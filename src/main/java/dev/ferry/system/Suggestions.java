package dev.ferry.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean ...": the known name closest to a misspelt one, if one is close enough to be meant (ferry
 * validate, bot files).
 */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    private Suggestions() {
    }

    public static Optional<String> closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        // a third of the name may be wrong: "clik" finds "click", "conectTimeout" finds "connectTimeout"
        int allowed = Math.max(1, typed.length() / 3);
        String best = null;
        int bestDistance = allowed + 1;
        // in name order, so of two names as close the first wins
        for (String name : new TreeSet<>(known)) {
            int distance = DISTANCE.apply(lower, name.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean x?)", or nothing. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }
}
