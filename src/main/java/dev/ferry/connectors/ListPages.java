package dev.ferry.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Walks a system's list of records for one or more days, page by page, for a Kamelet's {@code loop}: a list
 * read from its first page only would silently miss records on a busy day. The Kamelet makes the calls;
 * this keeps which day and page come next and gathers the records.
 */
@Component("listPages")
public class ListPages {

    /** Exchange property: the day the next call asks for, {@code YYYY-MM-DD}. */
    public static final String DAY = "ferryListDay";
    /** Exchange property: the page the next call asks for; absent once every page of every day is read. */
    public static final String PAGE = "ferryListPage";
    private static final String DAYS_LEFT = "ferryListDaysLeft";
    private static final String RECORDS = "ferryListRecords";

    private final ObjectMapper json = new ObjectMapper();
    private final Connectors connectors;

    ListPages(Connectors connectors) {
        this.connectors = connectors;
    }

    /** The body names the days: one {@code YYYY-MM-DD}, or a list of them. */
    public void start(Exchange exchange) {
        Deque<String> days = new ArrayDeque<>(days(exchange.getMessage().getBody()));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A list of records needs at least one day (YYYY-MM-DD) to list");
        }
        exchange.setProperty(RECORDS, json.createArrayNode());
        exchange.setProperty(DAYS_LEFT, days);
        nextDay(exchange);
    }

    /** Keeps the records of the page just read and says what to read next. */
    public void collect(Exchange exchange, String recordsField, String nextPageField) {
        JsonNode page = read(exchange.getMessage().getBody(String.class));
        JsonNode records = page.path(recordsField);
        if (!records.isArray()) {
            throw unreadable(exchange, "the list reply has no \"" + recordsField + "\" array");
        }
        exchange.getProperty(RECORDS, ArrayNode.class).addAll((ArrayNode) records);
        int current = exchange.getProperty(PAGE, Integer.class);
        JsonNode next = page.path(nextPageField);
        if (next.isMissingNode() || next.isNull()) {
            nextDay(exchange);
        } else if (next.asInt() > current && !records.isEmpty()) {
            exchange.setProperty(PAGE, next.asInt());
        } else {
            // a system that points back, or at more after an empty page, would keep the loop going for ever
            throw unreadable(exchange, "the list reply names page " + next.asText() + " after page " + current
                    + " with " + records.size() + " records; Ferry stops rather than read in circles");
        }
    }

    /** The body becomes every record read, as {@code {"<recordsField>": [...]}}: the system's shape, one page. */
    public void finish(Exchange exchange, String recordsField) {
        ObjectNode all = json.createObjectNode();
        all.set(recordsField, exchange.getProperty(RECORDS, ArrayNode.class));
        exchange.getMessage().setBody(all.toString());
        exchange.removeProperties("ferryList*");
    }

    private static void nextDay(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Deque<String> days = exchange.getProperty(DAYS_LEFT, Deque.class);
        if (days.isEmpty()) {
            exchange.removeProperty(DAY);
            exchange.removeProperty(PAGE);
        } else {
            exchange.setProperty(DAY, days.removeFirst());
            exchange.setProperty(PAGE, 1);
        }
    }

    private static List<String> days(Object body) {
        Collection<?> given = body instanceof Collection<?> many ? many : body == null ? List.of() : List.of(body);
        return given.stream().map(day -> {
            String text = String.valueOf(day).trim();
            try {
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a day; write it as YYYY-MM-DD", e);
            }
        }).toList();
    }

    private RuntimeException unreadable(Exchange exchange, String technical) {
        String system = exchange.getProperty(Connectors.SYSTEM, String.class);
        String who = system == null ? "the system" : connectors.connector(system).label(system);
        Failure failure = new Failure(false, Character.toUpperCase(who.charAt(0)) + who.substring(1)
                + " answered its list with a reply Ferry could not read.", technical);
        return new UnreadableList(failure);
    }

    /** Retrying does not make a reply readable; the run fails with words for people. */
    private static final class UnreadableList extends IllegalStateException implements DescribedFailure {

        private final transient Failure failure;

        UnreadableList(Failure failure) {
            super(failure.reason() + " (" + failure.detail() + ")");
            this.failure = failure;
        }

        @Override
        public Failure failure() {
            return failure;
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null ? json.missingNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The list reply is not JSON", e);
        }
    }
}
