package dev.ferry.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.orders.OrderTimeline;
import dev.ferry.orders.PageTimes;
import dev.ferry.orders.StepWords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One exception as its page shows it, read from the order's payload defensively: an order flagged
 * as VALIDATION may lack any field, and the page must still open so someone can fix it.
 */
record InboxDetailView(InboxDetail exception, boolean open, boolean approval, String statusWords, String categoryWords,
        String stepWords, String hint, String waiting, Customer customer, Address shipTo, List<Line> lines,
        String total, List<OrderTimeline.Row> timeline, List<OrderTimeline.Ref> refs, List<History> history,
        List<InboxDetail.Artifact> screenshots, String reason, Closed closed) {

    /** When and by whom an item stopped waiting; null while it waits. */
    record Closed(PageTimes.Shown at, String by, String what) {
    }

    record Customer(String name, String email, String id) {
    }

    record Address(String name, String street, String postalCode, String city, String country) {
    }

    record Line(String sku, String quantity, String unitPrice, String total) {
    }

    record History(PageTimes.Shown at, String actor, String action, String note) {
    }

    static InboxDetailView of(InboxDetail detail, Instant now) {
        JsonNode order = detail.payload();
        JsonNode customer = order.path("customer");
        JsonNode shipTo = order.path("shipTo");
        return new InboxDetailView(detail, detail.status() == ExceptionStatus.OPEN,
                detail.category() == FlagCategory.BUSINESS_RULE, InboxWords.status(detail.status()),
                InboxWords.category(detail.category()), StepWords.step(detail.step()),
                InboxWords.hint(detail.category(), detail.step()), PageTimes.age(detail.createdAt(), now),
                new Customer(text(customer, "name"), text(customer, "email"), text(customer, "id")),
                new Address(text(shipTo, "name"), text(shipTo, "street"), text(shipTo, "postalCode"),
                        text(shipTo, "city"), text(shipTo, "country")),
                lines(order), total(order), OrderTimeline.of(detail.order().journal()),
                OrderTimeline.refs(detail.order().refs()), history(detail),
                detail.artifacts().stream().filter(a -> "screenshot".equals(a.kind())).toList(),
                StepWords.forPeople(detail.reason()), closed(detail));
    }

    /** The last action that closed it: replayed, discarded or resolved, with who did it. */
    static Closed closed(InboxDetail detail) {
        if (detail.status() == ExceptionStatus.OPEN) {
            return null;
        }
        for (int i = detail.history().size() - 1; i >= 0; i--) {
            HistoryEntry entry = detail.history().get(i);
            if (CLOSING.contains(entry.action())) {
                return new Closed(PageTimes.at(entry.at()), InboxWords.actor(entry.actor()),
                        InboxWords.action(entry.action()));
            }
        }
        return new Closed(PageTimes.at(detail.updatedAt()), "", InboxWords.status(detail.status()));
    }

    private static final List<String> CLOSING = List.of("replayed", "discarded", "resolved");

    private static List<Line> lines(JsonNode order) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : order.path("lines")) {
            BigDecimal total = lineTotal(line);
            lines.add(new Line(text(line, "sku"), text(line, "quantity"), text(line, "unitPrice"),
                    total == null ? "" : total.toPlainString()));
        }
        return lines;
    }

    /** The order total with its currency, or a dash when a line's amount cannot be read. */
    private static String total(JsonNode order) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : order.path("lines")) {
            BigDecimal amount = lineTotal(line);
            if (amount == null) {
                return "—";
            }
            total = total.add(amount);
        }
        return total.toPlainString() + " " + text(order, "currency");
    }

    private static BigDecimal lineTotal(JsonNode line) {
        BigDecimal price = amount(line.path("unitPrice").asText());
        BigDecimal quantity = amount(line.path("quantity").asText());
        return price == null || quantity == null ? null : price.multiply(quantity);
    }

    /**
     * The number in a field, or null when it is none a person could read: an order kept for review may hold
     * anything, and 1e-999999999 written out (or added to 12.50) would take gigabytes.
     */
    private static BigDecimal amount(String text) {
        if (text.length() > 40) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return Math.abs(value.scale()) > 20 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<History> history(InboxDetail detail) {
        return detail.history().stream()
                .map(h -> new History(PageTimes.at(h.at()), InboxWords.actor(h.actor()), InboxWords.action(h.action()),
                        note(h)))
                .toList();
    }

    // an edit is told from the order before and after, so it names the fields as the form does
    private static String note(HistoryEntry entry) {
        if ("edited".equals(entry.action()) && entry.payloadBefore() != null && entry.payloadAfter() != null) {
            return PayloadChanges.describedSummary(entry.payloadBefore(), entry.payloadAfter());
        }
        return "flagged".equals(entry.action()) ? StepWords.forPeople(entry.note()) : entry.note();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText() : "";
    }
}
