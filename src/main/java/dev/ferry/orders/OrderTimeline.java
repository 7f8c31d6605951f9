package dev.ferry.orders;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An order's journal as rows a person reads: when, which step in words, how it went, and the ids it made. */
public final class OrderTimeline {

    public record Row(PageTimes.Shown at, String step, String stepWords, StepOutcome outcome, String outcomeWords,
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

    private static final Pattern CORRECTED = Pattern.compile(
            "Payload corrected by (.+?): (/.*)");

    // the journal keeps the pointers (the API's words); the page names the fields as the form does
    private static String corrected(String detail) {
        Matcher found = CORRECTED.matcher(detail);
        if (!found.matches()) {
            return detail;
        }
        String more = "";
        String fields = found.group(2);
        Matcher tail = Pattern.compile(" and (\\d+) more$").matcher(fields);
        if (tail.find()) {
            more = " and " + tail.group(1) + " more";
            fields = fields.substring(0, tail.start());
        }
        List<String> names = Arrays.stream(fields.split(", ")).map(OrderFieldNames::of).toList();
        return "Corrected by " + found.group(1) + ": " + String.join(", ", names) + more + ".";
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
        if ("edit".equals(entry.step())) {
            return corrected(entry.detail());
        }
        return entry.outcome() == StepOutcome.FAILED ? StepWords.forPeople(entry.detail()) : entry.detail();
    }
}
