package dev.ferry.inbox;

import dev.ferry.orders.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The JSON bodies of the inbox's actions, and what makes each valid. */
final class InboxRequests {

    static final int MAX_BULK = 1000;
    static final int MAX_REASON = 2000;

    private InboxRequests() {
    }

    /** POST /api/exceptions/{id}/discard. */
    record Discard(String reason) {

        List<Violation> violations() {
            return reasonViolations(reason);
        }
    }

    /** POST /api/exceptions/{id}/claim: {@code takeOver} true takes it from whoever holds it. */
    record TakeOver(Boolean takeOver) {
    }

    /** POST /api/exceptions/{id}/resolve: what was done about a notice. */
    record Resolve(String note) {

        List<Violation> violations() {
            if (note == null || note.isBlank()) {
                return List.of(new Violation("/note", "is required: say in a few words what was done about it"));
            }
            if (note.length() > MAX_REASON) {
                return List.of(new Violation("/note", "must be at most " + MAX_REASON + " characters"));
            }
            return List.of();
        }
    }

    /**
     * The bulk actions' selection: exception ids, or a filter over OPEN exceptions; one or the other.
     * {@code reason} is what a bulk discard records.
     */
    record Selection(List<String> ids, String category, String step, String source, String q, String reason) {

        boolean byIds() {
            return ids != null;
        }

        boolean hasFilter() {
            return Stream.of(category, step, source, q).anyMatch(v -> v != null && !v.isBlank());
        }

        List<Violation> violations(boolean reasonRequired) {
            List<Violation> violations = new ArrayList<>();
            if (byIds() && hasFilter()) {
                violations.add(new Violation("/ids", "give either ids or a filter (category, step, source, q), not both"));
            } else if (!byIds() && !hasFilter()) {
                violations.add(new Violation("", "select exceptions by ids, or by a filter: category, step, source, q"));
            }
            if (byIds()) {
                if (ids.isEmpty()) {
                    violations.add(new Violation("/ids", "must list at least one exception id"));
                } else if (ids.size() > MAX_BULK) {
                    violations.add(new Violation("/ids", "must list at most " + MAX_BULK + " exception ids"));
                }
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i) == null || ids.get(i).isBlank()) {
                        violations.add(new Violation("/ids/" + i, "must be an exception id"));
                    }
                }
            }
            if (category != null && !category.isBlank() && categoryNamed(category) == null) {
                violations.add(new Violation("/category", "must be one of " + List.of(FlagCategory.values())));
            }
            if (reasonRequired) {
                violations.addAll(reasonViolations(reason));
            }
            return violations;
        }

        /** The filter of a selection that has one: OPEN exceptions only. */
        InboxFilter filter() {
            return new InboxFilter(ExceptionStatus.OPEN, categoryNamed(category), step, source, q);
        }
    }

    /** The category named, whatever its case; null when none or an unknown one is named. */
    static FlagCategory categoryNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return FlagCategory.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Violation> reasonViolations(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new Violation("/reason", "is required: say in a few words why it is discarded"));
        }
        if (reason.length() > MAX_REASON) {
            return List.of(new Violation("/reason", "must be at most " + MAX_REASON + " characters"));
        }
        return List.of();
    }
}
