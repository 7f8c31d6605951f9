package dev.ferry.rehearsal;

import dev.ferry.orders.Journal;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import dev.ferry.orders.StepOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link Recording} out of an order's journal. A replay starts a new run of the order; each step is
 * recorded as it went in the last run that did it (a step done before a replay is skipped after it, so its answer
 * is the earlier one), and the order is expected to end as it did.
 */
@Component
public class Recorder {

    private static final Set<String> NOT_STEPS = Set.of("accept", "edit", "replay", "discard");
    private static final Pattern FLAGGED = Pattern.compile("^([A-Z_]+): (.*)$", Pattern.DOTALL);
    private static final Pattern RETRIED = Pattern.compile("^Attempt \\d+ failed: (.*?); trying again in .*$", Pattern.DOTALL);
    private static final String APPROVED = "Approved by ";

    private final OrderStore store;
    private final Journal journal;
    private final OrderRouteSteps orderSteps;

    Recorder(OrderStore store, Journal journal, OrderRouteSteps orderSteps) {
        this.store = store;
        this.journal = journal;
        this.orderSteps = orderSteps;
    }

    /** The order's recording; empty when there is no such order. */
    public Optional<Recording> record(String orderId) {
        return store.find(orderId).map(order -> recording(order, journal.entries(orderId)));
    }

    Recording recording(OrderRecord order, List<JournalEntry> entries) {
        Set<String> steps = orderSteps.ids();
        return ofRun(order, entries.stream().filter(e -> NOT_STEPS.contains(e.step()) || steps.contains(e.step())).toList());
    }

    /** The recording of an order from journal entries of its order routes' steps only. */
    static Recording ofRun(OrderRecord order, List<JournalEntry> entries) {
        if (order.status() != OrderStatus.COMPLETED && order.status() != OrderStatus.FLAGGED) {
            throw new NotRecordable("Order " + order.id() + " is " + order.status()
                    + "; only an order that ended, COMPLETED or FLAGGED, can be recorded.");
        }
        List<Indexed> chosen = chosen(entries);
        List<String> approved = new ArrayList<>();
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        List<String> steps = new ArrayList<>();
        for (Indexed at : chosen) {
            JournalEntry entry = at.entry();
            if (entry.outcome() == StepOutcome.OK && entry.detail() != null && entry.detail().startsWith(APPROVED)) {
                approved.add(entry.step());
                continue;
            }
            steps.add(entry.step() + " " + entry.outcome());
            answer(entry).ifPresent(answer -> answers.computeIfAbsent(entry.step(), s -> new ArrayList<>()).add(answer));
        }
        String flaggedAt = null;
        String category = null;
        if (order.status() == OrderStatus.FLAGGED) {
            JournalEntry failed = chosen.stream().map(Indexed::entry)
                    .filter(e -> e.outcome() == StepOutcome.FAILED).reduce((a, b) -> b)
                    .orElseThrow(() -> new NotRecordable("Order " + order.id()
                            + " was flagged before any step ran (at intake): there is nothing to rehearse."));
            flaggedAt = failed.step();
            category = flagged(failed).map(m -> m.group(1)).orElse(null);
        }
        return new Recording(order.id(), order.source(), order.externalId(), order.payload(), approved, answers,
                new Outcome(order.status().name(), steps, flaggedAt, category));
    }

    /** Each step's entries from the last run that did it (not merely skipped it), in journal order. */
    private static List<Indexed> chosen(List<JournalEntry> entries) {
        Map<String, Integer> lastRun = new LinkedHashMap<>();
        int run = 0;
        List<Indexed> indexed = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.step().equals("replay")) {
                run++;
            }
            indexed.add(new Indexed(entry, run));
            if (!NOT_STEPS.contains(entry.step()) && entry.outcome() != StepOutcome.SKIPPED) {
                lastRun.put(entry.step(), run);
            }
        }
        return indexed.stream()
                .filter(i -> !NOT_STEPS.contains(i.entry().step()) && i.entry().outcome() != StepOutcome.SKIPPED)
                .filter(i -> lastRun.get(i.entry().step()) == i.run())
                .toList();
    }

    /** What the system said, for the stub to say again; empty where nothing was called (a rule of Ferry's own). */
    private static Optional<Answer> answer(JournalEntry entry) {
        return switch (entry.outcome()) {
            case OK -> Optional.of(Answer.ok(entry.refs()));
            case RETRY -> Optional.of(Answer.failed(Answer.Kind.UNAVAILABLE, retried(entry.detail())));
            case FAILED -> flagged(entry).flatMap(m -> switch (m.group(1)) {
                case "RETRIES_EXHAUSTED" -> Optional.of(Answer.failed(Answer.Kind.UNAVAILABLE, m.group(2)));
                case "DOWNSTREAM_REJECTED" -> Optional.of(Answer.failed(Answer.Kind.REFUSED, m.group(2)));
                case "BOT_FAILED" -> Optional.of(Answer.failed(Answer.Kind.BOT_FAILED, m.group(2)));
                case "INTERNAL_ERROR" -> Optional.of(Answer.failed(Answer.Kind.FAILED, m.group(2)));
                default -> Optional.empty();
            });
            case SKIPPED -> Optional.empty();
        };
    }

    private static Optional<Matcher> flagged(JournalEntry entry) {
        Matcher m = FLAGGED.matcher(entry.detail() == null ? "" : entry.detail());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static String retried(String detail) {
        Matcher m = RETRIED.matcher(detail == null ? "" : detail);
        return m.matches() ? m.group(1) : detail;
    }

    private record Indexed(JournalEntry entry, int run) {
    }

    /** The order cannot be recorded (yet): the message says why. */
    public static final class NotRecordable extends RuntimeException {
        NotRecordable(String message) {
            super(message);
        }
    }
}
