package dev.ferry.inbox;

import dev.ferry.orders.StepWords;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The orders the /inbox list can be sorted in, by the {@code sort} query parameter: {@code waiting} (the default:
 * what waited longest first), {@code order}, {@code customer}, {@code category} (in the order of the count boxes)
 * or {@code step} (in the order the flow runs them); a leading "-" turns it round. Anything else is the default.
 */
record InboxSort(String key, boolean reversed) {

    static final InboxSort DEFAULT = new InboxSort("waiting", false);

    private static final String CATEGORY_RANK = "CASE e.category " + IntStream.range(0, FlagCategory.values().length)
            .mapToObj(i -> "WHEN '" + FlagCategory.values()[i].name() + "' THEN " + i).collect(Collectors.joining(" "))
            + " ELSE 99 END";
    private static final String STEP_RANK = "CASE e.step " + IntStream.range(0, StepWords.FLOW.size())
            .mapToObj(i -> "WHEN '" + StepWords.FLOW.get(i) + "' THEN " + i).collect(Collectors.joining(" "))
            + " ELSE 99 END";

    static InboxSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        String text = sort.trim().toLowerCase(Locale.ROOT);
        boolean reversed = text.startsWith("-");
        String key = reversed ? text.substring(1) : text;
        return switch (key) {
            case "waiting", "order", "customer", "category", "step" -> new InboxSort(key, reversed);
            default -> DEFAULT;
        };
    }

    boolean isDefault() {
        return equals(DEFAULT);
    }

    /** As the query writes it: "customer", "-waiting". */
    String param() {
        return (reversed ? "-" : "") + key;
    }

    /** The link a column heading offers: this column, turned round when it is already the one sorted by. */
    String next(String column) {
        return key.equals(column) && !reversed ? "-" + column : column;
    }

    /** ORDER BY over exceptions e joined to orders o; the filter's own order breaks ties, so paging is stable. */
    String sql(InboxFilter filter) {
        String direction = reversed ? " DESC" : "";
        return switch (key) {
            // the filter's order puts what waited longest first while items wait; turned round, the newest first
            case "waiting" -> reversed ? "e.created_at DESC, e.id DESC" : filter.order();
            case "order" -> "o.external_id" + direction + ", " + filter.order();
            case "customer" -> "LOWER(COALESCE(o.customer_name, e.title))" + direction + ", " + filter.order();
            case "category" -> CATEGORY_RANK + direction + ", " + filter.order();
            case "step" -> STEP_RANK + direction + ", " + filter.order();
            default -> filter.order();
        };
    }
}
