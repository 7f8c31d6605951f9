package dev.ferry.inbox;

import dev.ferry.orders.PageTimes;
import dev.ferry.orders.StepWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows, counts and choices of the /inbox page, each already in words. */
final class InboxListView {

    private static final int SHORT_REASON = 140;

    /** {@code notice}: not about an order; {@code customerName} is then the notice's title. */
    record Row(String id, String orderId, boolean open, String status, String waiting, PageTimes.Shown since,
            String customerName, String externalId, String source, String step, String category, String reason,
            boolean notice, PageTimes.Shown closedAt) {
    }

    /** A column heading: its words, the link that sorts by it, and how it is sorted now (aria-sort). */
    record Column(String label, String url, String ariaSort) {
    }

    record Count(String label, long count, String url, boolean current) {
    }

    record Option(String value, String label) {
    }

    private InboxListView() {
    }

    static Row row(InboxSummary item, Instant now) {
        String reason = item.reason() == null ? "" : InboxStore.truncate(shortReason(item.reason()), SHORT_REASON);
        boolean open = item.status() == ExceptionStatus.OPEN;
        // a closed item waits no longer: the list says when it was dealt with instead
        PageTimes.Shown closedAt = open ? null : PageTimes.at(item.updatedAt());
        if (item.orderId() == null) {
            return new Row(item.id(), null, open, InboxWords.noticeStatus(item.status()),
                    PageTimes.age(item.createdAt(), now), PageTimes.at(item.createdAt()), item.title(), "—",
                    "not an order", InboxWords.noticeStep(item.step()), InboxWords.category(item.category()), reason,
                    true, closedAt);
        }
        return new Row(item.id(), item.orderId(), open, InboxWords.status(item.status()),
                PageTimes.age(item.createdAt(), now), PageTimes.at(item.createdAt()),
                item.customerName() == null ? "(no name)" : item.customerName(), item.externalId(), item.source(),
                StepWords.step(item.step()), InboxWords.category(item.category()), reason, false, closedAt);
    }

    // "The ERP rejected the request: " says again what the Problem and Stopped at columns say; a row has one line
    private static final Pattern REJECTED = Pattern.compile("^[^:]{1,60} rejected the request: (.+)$", Pattern.DOTALL);

    /** The reason as a row shows it: the refusing system's own words first, without codes. */
    static String shortReason(String reason) {
        String plain = StepWords.forPeople(reason);
        Matcher own = REJECTED.matcher(plain);
        if (!own.matches()) {
            return plain;
        }
        String words = own.group(1);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The sortable headings of the list, in the table's order. */
    static Map<String, Column> columns(InboxListFilter filter) {
        InboxSort sort = filter.sorted();
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String[] c : new String[][] {{"waiting", "Waiting"}, {"customer", "Customer"}, {"order", "Order"},
                {"step", "Stopped at"}, {"category", "Problem"}}) {
            // "waiting" counts how long: by default what waited longest is first, the longest wait on top
            boolean descending = sort.reversed() != c[0].equals("waiting");
            String ariaSort = !sort.key().equals(c[0]) ? null : descending ? "descending" : "ascending";
            columns.put(c[0], new Column(c[1], filter.sortedBy(c[0]), ariaSort));
        }
        return columns;
    }

    /**
     * "All waiting" and then every category with how many wait in it. Each links to exactly what it
     * counts (what waits in that category, no other filter), so the number and the list agree.
     */
    static List<Count> counts(InboxQueries.Counts open, InboxListFilter filter) {
        boolean waiting = filter.shownStatus().equals(ExceptionStatus.OPEN.name());
        FlagCategory current = InboxRequests.categoryNamed(filter.category());
        List<Count> counts = new ArrayList<>();
        counts.add(new Count("All waiting", open.total(), linkTo(null, filter), waiting && current == null));
        for (Map.Entry<String, Long> entry : open.byCategory().entrySet()) {
            FlagCategory category = FlagCategory.valueOf(entry.getKey());
            counts.add(new Count(InboxWords.category(category), entry.getValue(), linkTo(category.name(), filter),
                    waiting && category == current));
        }
        return counts;
    }

    // the sort the reviewer chose stays; the filters do not, so the number and the list agree
    private static String linkTo(String category, InboxListFilter filter) {
        return new InboxListFilter(null, category, null, null, null, filter.sort()).url(0);
    }

    static List<Option> statuses() {
        return List.of(new Option("OPEN", "Waiting"), new Option("RESOLVED", "Sent through again"),
                new Option("DISCARDED", "Discarded"), new Option(InboxListFilter.ALL, "Any status"));
    }

    static List<Option> categories() {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Any problem")));
        for (FlagCategory category : FlagCategory.values()) {
            options.add(new Option(category.name(), InboxWords.category(category)));
        }
        return options;
    }

    static List<Option> steps() {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Any step")));
        StepWords.FLOW.forEach(step -> options.add(new Option(step, StepWords.step(step))));
        return options;
    }
}
