package dev.ferry.rehearsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One order as it went: its payload, what each system answered to each attempt at each step, and how it ended.
 * A route test is a recording in a file; a dry run rehearses recordings through the routes on disk.
 *
 * @param order the order's id where it was recorded
 * @param approved steps a reviewer approved instead of running them (a business rule waived)
 * @param answers per step, the answers to its attempts in order
 * @param expect how the order ended
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"order", "source", "externalId", "payload", "approved", "answers", "expect"})
public record Recording(String order, String source, String externalId, ObjectNode payload, List<String> approved,
        Map<String, List<Answer>> answers, Outcome expect) {

    public Recording {
        approved = approved == null ? List.of() : List.copyOf(approved);
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** Who the order is, for people: its id and where it came from. */
    String name() {
        return order + " (" + source + " " + externalId + ")";
    }
}
