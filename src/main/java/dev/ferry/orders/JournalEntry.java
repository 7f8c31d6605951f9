package dev.ferry.orders;

import java.time.Instant;
import java.util.Map;

public record JournalEntry(String step, StepOutcome outcome, Instant at, String detail, Map<String, String> refs) {
}
