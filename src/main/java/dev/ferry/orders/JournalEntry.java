package dev.ferry.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of an order's journal. {@code traceId} is the order's trace (docs/operations.md#tracing), null when the
 * entry was written with tracing off.
 */
public record JournalEntry(String step, StepOutcome outcome, Instant at, String detail, Map<String, String> refs,
        @Schema(description = "The order's trace id (docs/operations.md#tracing); only when the order was accepted with tracing on") String traceId) {

    public JournalEntry(String step, StepOutcome outcome, Instant at, String detail, Map<String, String> refs) {
        this(step, outcome, at, detail, refs, null);
    }
}
