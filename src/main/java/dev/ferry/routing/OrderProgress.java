package dev.ferry.routing;

import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order's route did since it last wrote to the database: the journal entries of its steps, each with its
 * own time, and the refs they got back. {@link ProgressWriter} writes them in one transaction when the order
 * settles, waits for a retry, moves to the bot queue, or after a step that must not run twice (a bot run); the steps
 * in between write nothing. A step run again after a crash before that write sends the same request under the same
 * Idempotency-Key, so the system answers with what it created the first time (docs/architecture.md#journal).
 */
final class OrderProgress {

    private final Map<String, String> refs;
    private final List<JournalEntry> entries = new ArrayList<>();
    private boolean refsChanged;

    OrderProgress(Map<String, String> refs) {
        this.refs = new LinkedHashMap<>(refs);
    }

    void add(String step, StepOutcome outcome, String detail) {
        add(step, outcome, detail, Map.of());
    }

    void add(String step, StepOutcome outcome, String detail, Map<String, String> stepRefs) {
        entries.add(new JournalEntry(step, outcome, Instant.now(), detail, Map.copyOf(stepRefs)));
        if (!stepRefs.isEmpty()) {
            refs.putAll(stepRefs);
            refsChanged = true;
        }
    }

    List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    /** Every ref of the order, when a step added one since the last write; else null (the row holds them). */
    Map<String, String> changedRefs() {
        return refsChanged ? Map.copyOf(refs) : null;
    }

    /** Every ref of the order known so far. */
    Map<String, String> refs() {
        return Map.copyOf(refs);
    }

    void written() {
        entries.clear();
        refsChanged = false;
    }
}
