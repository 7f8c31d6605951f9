package dev.ferry.rehearsal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a system answered to one attempt at a step, as the order's journal recorded it: a reply with the ids worth
 * keeping, or a failure in the words Ferry wrote for it.
 *
 * @param refs the ids the reply carried (OK only)
 * @param reason the failure as Ferry put it to people (every other kind)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Answer(Kind kind, Map<String, String> refs, String reason) {

    public enum Kind {
        /** The system did what was asked; {@code refs} are the ids its reply carried. */
        OK,
        /** The system could not answer then (unavailable, busy, timed out): worth another attempt. */
        UNAVAILABLE,
        /** The system refused the request (an HTTP 4xx): the data or the request must change. */
        REFUSED,
        /** A bot could not do the step on the legacy screen. */
        BOT_FAILED,
        /** Anything else that stopped the step. */
        FAILED
    }

    public Answer {
        refs = refs == null ? Map.of() : Map.copyOf(refs);
    }

    static Answer ok(Map<String, String> refs) {
        return new Answer(Kind.OK, refs, null);
    }

    static Answer failed(Kind kind, String reason) {
        return new Answer(kind, Map.of(), reason);
    }
}
