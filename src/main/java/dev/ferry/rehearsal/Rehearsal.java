package dev.ferry.rehearsal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.InvalidOrderException;
import dev.ferry.orders.Journal;
import dev.ferry.orders.OrderIntake;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs recorded orders through the routes as they are now, each system answering as it answered then
 * ({@link RecordedAnswers}), and tells how each order would end. Lives only in a rehearsal's own Ferry, on a
 * store and broker of its own that are thrown away after.
 */
@Component
@ConditionalOnProperty(name = "ferry.rehearsal.enabled", havingValue = "true")
public class Rehearsal {

    private static final Set<OrderStatus> ENDED = Set.of(OrderStatus.COMPLETED, OrderStatus.FLAGGED);

    private final OrderIntake intake;
    private final OrderStore store;
    private final Journal journal;
    private final Recorder recorder;
    private final ObjectProvider<CamelContext> camel;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    // the context is asked for when a rehearsal runs: RecordedAnswers depends on this, and Camel collects
    // InterceptStrategy beans while its context is being made
    Rehearsal(OrderIntake intake, OrderStore store, Journal journal, Recorder recorder, ObjectProvider<CamelContext> camel) {
        this.camel = camel;
        this.recorder = recorder;
        this.intake = intake;
        this.store = store;
        this.journal = journal;
    }

    /** How one recorded order went in the rehearsal; {@code difference} is null when it ended as recorded. */
    public record Result(Recording recording, Outcome outcome, String difference) {
    }

    /** Rehearses every recording at once and waits, at most {@code patience}, for each to end. */
    public List<Result> run(List<Recording> recordings, Duration patience) {
        // without the stand-in the routes would call the real systems: never rehearse then
        if (camel.getObject().getCamelContextExtension().getInterceptStrategies().stream()
                .noneMatch(RecordedAnswers.class::isInstance)) {
            throw new IllegalStateException("The rehearsal's stand-in for the systems (RecordedAnswers) is not in"
                    + " Camel's context; nothing was rehearsed, and no system was called.");
        }
        Map<Recording, String> started = new LinkedHashMap<>();
        Map<Recording, Outcome> outcomes = new HashMap<>();
        for (Recording recording : recordings) {
            String key = key(recording.source(), recording.externalId());
            if (scripts.putIfAbsent(key, new Script(recording)) != null) {
                outcomes.put(recording, new Outcome("NOT_REHEARSED", List.of(), null,
                        "another recording of the same order (" + recording.source() + " " + recording.externalId() + ")"));
                continue;
            }
            try {
                started.put(recording, intake.accept(recording.payload().deepCopy(), null, null).orderId());
            } catch (InvalidOrderException invalid) {
                outcomes.put(recording, new Outcome("REFUSED", List.of(), "accept", "VALIDATION: " + invalid.violations()));
            }
        }
        Instant deadline = Instant.now().plus(patience);
        Map<Recording, String> waiting = new LinkedHashMap<>(started);
        while (!waiting.isEmpty()) {
            waiting.entrySet().removeIf(e -> {
                OrderRecord order = store.find(e.getValue()).orElseThrow();
                if (!ENDED.contains(order.status())) {
                    return false;
                }
                outcomes.put(e.getKey(), outcome(e.getKey(), order));
                return true;
            });
            if (Instant.now().isAfter(deadline)) {
                waiting.forEach((recording, id) -> outcomes.put(recording, new Outcome(
                        store.find(id).orElseThrow().status().name(), List.of(), null, "did not end within " + patience)));
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        List<Result> results = new ArrayList<>();
        for (Recording recording : recordings) {
            Outcome outcome = outcomes.get(recording);
            results.add(new Result(recording, outcome, recording.expect().difference(outcome)));
        }
        return results;
    }

    private Outcome outcome(Recording recording, OrderRecord order) {
        Outcome seen = recorder.recording(order, journal.entries(order.id())).expect();
        // a step the reviewer approved is passed here as there; it was never the system's doing
        List<String> steps = seen.steps().stream()
                .filter(s -> !recording.approved().contains(s.substring(0, s.lastIndexOf(' ')))).toList();
        return new Outcome(seen.status(), steps, seen.flaggedAt(), seen.category());
    }

    /** The next recorded answer of this order at this step; null when the order never went that far. */
    Answer next(ObjectNode order, String step) {
        Script script = scripts.get(key(order.path("source").asText(), order.path("externalId").asText()));
        return script == null || step == null ? null : script.next(step);
    }

    boolean approved(ObjectNode order, String step) {
        if (order == null) {
            return false;
        }
        Script script = scripts.get(key(order.path("source").asText(), order.path("externalId").asText()));
        return script != null && script.recording.approved().contains(step);
    }

    private static String key(String source, String externalId) {
        return source + '\u0000' + externalId;
    }

    /** A recording's answers, handed out one attempt at a time. */
    private static final class Script {

        private final Recording recording;
        private final Map<String, Deque<Answer>> left = new HashMap<>();

        Script(Recording recording) {
            this.recording = recording;
            recording.answers().forEach((step, answers) -> left.put(step, new ArrayDeque<>(answers)));
        }

        synchronized Answer next(String step) {
            Deque<Answer> answers = left.get(step);
            return answers == null ? null : answers.poll();
        }
    }
}
