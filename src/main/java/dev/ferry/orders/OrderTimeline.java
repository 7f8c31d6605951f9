package dev.ferry.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An order's journal as rows a person reads: when, which step in words, how it went, and the ids it made. */
public final class OrderTimeline {

    public record Row(String at, String step, String stepWords, StepOutcome outcome, String outcomeWords,
            String detail, List<Ref> refs) {

        public boolean failed() {
            return outcome == StepOutcome.FAILED;
        }
    }

    /** An id a downstream system gave back, e.g. "ERP sales order" SO-000017. */
    public record Ref(String label, String value) {
    }

    private OrderTimeline() {
    }

    public static List<Row> of(List<JournalEntry> journal) {
        return journal.stream().map(OrderTimeline::row).toList();
    }

    /** In the order the flow creates them, so every page lists them alike. */
    public static List<Ref> refs(Map<String, String> refs) {
        return refs == null ? List.of() : refs.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> r) -> StepWords.refRank(r.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(r -> new Ref(StepWords.ref(r.getKey()), r.getValue()))
                .toList();
    }

    private static Row row(JournalEntry entry) {
        return new Row(PageTimes.at(entry.at()), entry.step(), StepWords.step(entry.step()), entry.outcome(),
                StepWords.outcome(entry.outcome()), detail(entry), refs(entry.refs()));
    }

    // the refs column already names the ids, and the category heads the inbox item: neither is said twice
    private static String detail(JournalEntry entry) {
        if (entry.detail() == null) {
            return "";
        }
        if (entry.outcome() == StepOutcome.OK && entry.refs() != null && !entry.refs().isEmpty()) {
            return "Done.";
        }
        return entry.outcome() == StepOutcome.FAILED ? entry.detail().replaceFirst("^[A-Z_]+: ", "") : entry.detail();
    }
}
