package dev.ferry.rehearsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How an order's run ended: its status, the steps as they went (each {@code "<step> <OK|RETRY|FAILED>"}, in the
 * order they happened) and, for a flagged order, where and why it was flagged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome(String status, List<String> steps, String flaggedAt, String category) {

    public Outcome {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Where {@code actual} departs from this outcome, in a sentence; null when it does not. */
    String difference(Outcome actual) {
        int common = Math.min(steps.size(), actual.steps.size());
        for (int i = 0; i < common; i++) {
            if (!steps.get(i).equals(actual.steps.get(i))) {
                return "step " + (i + 1) + " was " + quoted(steps.get(i)) + ", would be " + quoted(actual.steps.get(i))
                        + ending(actual);
            }
        }
        if (steps.size() != actual.steps.size()) {
            return steps.size() > actual.steps.size()
                    ? "would stop after " + (common == 0 ? "no step" : quoted(steps.get(common - 1))) + " instead of going on to "
                            + quoted(steps.get(common)) + ending(actual)
                    : "would go on to " + quoted(actual.steps.get(common)) + " where it ended" + ending(actual);
        }
        if (!same(status, actual.status) || !same(flaggedAt, actual.flaggedAt) || !same(category, actual.category)) {
            return "was " + this + ", would be " + actual;
        }
        return null;
    }

    private static String ending(Outcome actual) {
        return "; would end " + actual;
    }

    private static String quoted(String step) {
        return "'" + step + "'";
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public String toString() {
        return flaggedAt == null ? status : status + " at " + flaggedAt + " (" + category + ")";
    }
}
