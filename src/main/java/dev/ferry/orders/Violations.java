package dev.ferry.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is wrong with an input: the first {@value #LISTED} violations in pointer order, and how many there are in
 * all. A body of 50,000 unknown keys has 50,000 violations; listing every one made a 6 MB answer.
 */
public record Violations(List<Violation> listed, int count) {

    public static final int LISTED = 100;

    static final Comparator<Violation> ORDER = Comparator.comparing(Violation::pointer)
            .thenComparing(Violation::message);

    public Violations {
        listed = List.copyOf(listed);
        if (listed.size() > LISTED || count < listed.size()) {
            throw new IllegalArgumentException(listed.size() + " listed of " + count);
        }
    }

    /** All of these, or the first {@value #LISTED} of them in pointer order. */
    public static Violations of(List<Violation> violations) {
        return new Violations(first(violations), violations.size());
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** These and some more, still the first {@value #LISTED} of them all in pointer order. */
    public Violations and(List<Violation> more) {
        List<Violation> all = new ArrayList<>(listed);
        all.addAll(more);
        return new Violations(first(all), count + more.size());
    }

    private static List<Violation> first(List<Violation> violations) {
        return violations.stream().sorted(ORDER).limit(LISTED).toList();
    }
}
