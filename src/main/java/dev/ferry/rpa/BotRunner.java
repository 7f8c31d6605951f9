package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.ferry.connectors.Connector;
import dev.ferry.connectors.Connectors;
import dev.ferry.tracing.OrderTraces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs a bot: records the run, checks its input, waits for the system's concurrency limit (on this node,
 * then a slot shared with every node, {@link BotSlots}) and a free browser worker, and records how it
 * ended ({@code bot_runs}, timer {@code ferry.bot.runs}). When Ferry stops, runs end before the next step,
 * recorded INTERRUPTED, while the database is still open; no run starts any more.
 */
@Component
class BotRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);

    /** The field of a run's reply that names the run, so an order's journal can point to it. */
    static final String RUN_ID = "botRunId";

    private final BrowserWorkers workers;
    private final Bots bots;
    private final Connectors connectors;
    private final RpaSettings settings;
    private final Secrets secrets;
    private final BotRunStore store;
    private final MeterRegistry meters;
    private final BotSlots slots;
    private final OrderTraces traces;
    private final Map<String, Limit> perSystem = new ConcurrentHashMap<>();
    private final AtomicInteger threads = new AtomicInteger();
    /** Runs going on now, so a stop can wait for them to record their end. */
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean running;
    private final ExecutorService background = Executors.newCachedThreadPool(job -> {
        Thread thread = new Thread(job, "bot-run-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    BotRunner(BrowserWorkers workers, Bots bots, Connectors connectors, RpaSettings settings, BotRunStore store,
            MeterRegistry meters, BotSlots slots, OrderTraces traces) {
        this.traces = traces;
        this.workers = workers;
        this.bots = bots;
        this.connectors = connectors;
        this.settings = settings;
        this.secrets = new Secrets(settings.secrets());
        BotRunLogs.install();
        this.store = store;
        this.meters = meters;
        this.slots = slots;
    }

    /** A system's limit as read at its first run, and the runs of this node within it. */
    private record Limit(int runs, Semaphore onThisNode) {
    }

    /** A pointer into the input and what is wrong there. */
    record InputProblem(String pointer, String message) {
    }

    /** Runs the bot now, on the caller's thread; the reply is the bot's output plus {@value #RUN_ID}. */
    ObjectNode run(Bot bot, JsonNode input, String orderId) {
        refuseWhenStopping(bot);
        // the order's trace: the run is recorded under it and the browser sends it to the portal
        String traceparent = traces.current();
        String runId = record(bot, input, orderId, traceparent);
        return execute(runId, bot, input, traceparent);
    }

    /** Records the run and lets it proceed in the background; the caller has checked the input. */
    String start(Bot bot, JsonNode input) {
        refuseWhenStopping(bot);
        String traceparent = traces.current();
        String runId = record(bot, input, null, traceparent);
        background.execute(() -> {
            try {
                execute(runId, bot, input, traceparent);
            } catch (RuntimeException e) {
                // recorded with the run; nothing waits for it
            }
        });
        return runId;
    }

    /** Records the run with its input as given: data, masked only where a value is a secret and nothing else. */
    private String record(Bot bot, JsonNode input, String orderId, String traceparent) {
        String runId = UUID.randomUUID().toString();
        store.started(runId, bot, orderId, input == null ? null : secrets.masker(input).mask(input).toString(),
                Instant.now(), OrderTraces.traceId(traceparent));
        return runId;
    }

    private ObjectNode execute(String runId, Bot bot, JsonNode input, String traceparent) {
        long started = System.nanoTime();
        active.incrementAndGet();
        try {
            ObjectNode output = attempt(runId, bot, input, traceparent);
            // what the run read off the page may be a secret shown there; what holds the input's data is data
            ObjectNode masked = (ObjectNode) secrets.masker(input, output).mask(output);
            store.succeeded(runId, masked.toString(), Instant.now());
            timer(bot, "SUCCEEDED", "none").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            log.info("Bot run {} of {} done in {} ms", runId, bot.name(), (System.nanoTime() - started) / 1_000_000);
            return masked.put(RUN_ID, runId);
        } catch (BotRunException e) {
            if (e.code() == BotFailure.INTERRUPTED) {
                finishInterrupted(runId, bot, e.getMessage(), started);
                throw e.of(runId);
            }
            // the messages are masked where they were made, with the run's masker
            String error = (e.getMessage() + " " + e.leftOutSentence()).strip();
            finishFailed(runId, bot, e.code(), error, started);
            log.warn("Bot run {} of {} failed: {} {}", runId, bot.name(), e.code(), error);
            throw e.of(runId);
        } catch (RuntimeException e) {
            finishFailed(runId, bot, BotFailure.BOT_ERROR, "The bot " + bot.name() + " could not finish: "
                    + secrets.masker(input).mask(String.valueOf(e.getMessage())), started);
            throw e;
        } finally {
            synchronized (active) {
                active.decrementAndGet();
                active.notifyAll();
            }
        }
    }

    private void finishInterrupted(String runId, Bot bot, String message, long started) {
        try {
            store.interrupted(runId, message, Instant.now());
        } catch (RuntimeException notRecorded) {
            log.warn("Bot run {} of {}: could not record its interruption: {}", runId, bot.name(), notRecorded.getMessage());
        }
        timer(bot, "INTERRUPTED", "none").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        log.info("Bot run {} of {} interrupted: Ferry is stopping", runId, bot.name());
    }

    private void refuseWhenStopping(Bot bot) {
        if (stopping) {
            throw interrupted(bot);
        }
    }

    private static BotRunException interrupted(Bot bot) {
        return new BotRunException(BotFailure.INTERRUPTED, bot.name(), "Ferry stopped during the run of " + bot.name()
                + "; the run ended before its next step.", "Ferry was stopping");
    }

    /** Asked before each step of a run: a stopping Ferry ends the run there. */
    private boolean mayGoOn(Bot bot, BotSlots.Slot slot) {
        refuseWhenStopping(bot);
        return slot.held();
    }

    private void finishFailed(String runId, Bot bot, BotFailure code, String error, long started) {
        try {
            store.failed(runId, code, error, Instant.now());
        } catch (RuntimeException notRecorded) {
            log.warn("Bot run {} of {}: could not record its failure: {}", runId, bot.name(), notRecorded.getMessage());
        }
        timer(bot, "FAILED", code.name()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Bot bot, String outcome, String code) {
        return Timer.builder("ferry.bot.runs").description("Bot runs by bot and outcome")
                .tags("bot", bot.name(), "outcome", outcome, "code", code).register(meters);
    }

    /** Where a run's time goes: opening its context, the screen work, keeping evidence, closing. */
    private void phase(Bot bot, String phase, long nanos) {
        if (nanos > 0) {
            Timer.builder("ferry.bot.phase").description("Bot run time by part of the run")
                    .tags("bot", bot.name(), "phase", phase).register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private ObjectNode attempt(String runId, Bot bot, JsonNode input, String traceparent) {
        checkInput(bot, input);
        for (String name : bot.secrets()) {
            if (settings.secrets().get(name) == null) {
                throw new BotRunException(BotFailure.BOT_ERROR, bot.name(), "The bot " + bot.name()
                        + " needs the secret " + name + ", which is not configured (ferry.rpa.secrets." + name + ").",
                        "missing secret " + name);
            }
        }
        Connector connector = connectors.connector(bot.system());
        Limit limit = perSystem.computeIfAbsent(bot.system(), s -> {
            int runs = bots.concurrency(bot);
            return new Limit(runs, new Semaphore(runs, true));
        });
        // this node's runs queue in memory first, so only those within the limit ask the database
        limit.onThisNode().acquireUninterruptibly();
        try (BotSlots.Slot slot = slot(runId, bot, connector, limit.runs())) {
            BotRun run = new BotRun(bot, connector.baseUrl(), label(bot.system(), connector), input, secrets,
                    settings.stepTimeout(), settings.runTimeout(), settings.traces(), store.folder(runId),
                    () -> mayGoOn(bot, slot), traceparent);
            try {
                return workers.run(bot.name(), run::execute);
            } finally {
                phase(bot, "context", run.phases().context);
                phase(bot, "work", run.phases().work);
                phase(bot, "evidence", run.phases().evidence);
                phase(bot, "close", run.phases().close);
                run.stepTimes().forEach(step -> Timer.builder("ferry.bot.steps")
                        .description("Time of the finished steps of bot files, by kind of step")
                        .tags("bot", bot.name(), "step", step.step()).register(meters)
                        .record(step.nanos(), TimeUnit.NANOSECONDS));
            }
        } finally {
            limit.onThisNode().release();
        }
    }

    /** A slot of the system shared by all nodes, waiting up to {@code ferry.rpa.slot-wait} for one. */
    private BotSlots.Slot slot(String runId, Bot bot, Connector connector, int limit) {
        return slots.take(bot.system(), limit, runId, settings.slotWait()).orElseThrow(() -> {
            String holders = slots.holders(bot.system()).stream()
                    .map(h -> "slot " + h.slot() + ": node " + h.node() + ", run " + h.run())
                    .collect(Collectors.joining("; "));
            return new BotRunException(BotFailure.TIMEOUT, bot.name(), "No run of " + bot.name() + " could start on "
                    + label(bot.system(), connector) + " within " + settings.slotWait() + ": its limit of " + limit
                    + " run(s) at once was taken by other runs all that time.",
                    "no free slot of " + bot.system() + " within ferry.rpa.slot-wait " + settings.slotWait()
                            + (holders.isEmpty() ? "" : "; held: " + holders));
        });
    }

    /** What is wrong with the input by the bot's schema, each at its JSON pointer; empty when it fits. */
    List<InputProblem> problems(Bot bot, JsonNode input) {
        if (bot.input() == null) {
            return List.of();
        }
        var config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH).build();
        Masker masker = secrets.masker(input);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(bot.input(), config)
                .validate(input).stream()
                .map(m -> {
                    String pointer = m.getInstanceLocation().toString();
                    if (Set.of("required", "additionalProperties").contains(m.getType()) && m.getProperty() != null) {
                        pointer = pointer + "/" + m.getProperty();
                    }
                    return new InputProblem(pointer, masker.mask(m.getError()));
                })
                .sorted(Comparator.comparing(InputProblem::pointer).thenComparing(InputProblem::message))
                .toList();
    }

    private void checkInput(Bot bot, JsonNode input) {
        List<InputProblem> problems = problems(bot, input);
        if (!problems.isEmpty()) {
            // problems() has masked the messages already
            String said = problems.stream().map(p -> p.pointer() + ": " + p.message()).collect(Collectors.joining("; "));
            throw new BotRunException(BotFailure.BOT_ERROR, bot.name(), "The input for the bot " + bot.name()
                    + " is not valid: " + said + ".", "input: " + said);
        }
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /**
     * Ends the runs going on at their next step and waits for them to record it (at most a step's timeout and
     * a little more), so they are recorded INTERRUPTED before Camel stops and the database closes.
     */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + settings.stepTimeout().plusSeconds(10).toNanos();
        synchronized (active) {
            while (active.get() > 0 && System.nanoTime() < deadline) {
                try {
                    active.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (active.get() > 0) {
            log.warn("{} bot run(s) still going after waiting for them to stop; the abandoned-runs check closes"
                    + " their records later", active.get());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // stops before the web server, Camel (which waits for the orders in flight) and the database
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** How people know the system: its connector's display name, else "the <system> system". */
    static String label(String system, Connector connector) {
        String name = connector.displayName();
        return name == null || name.isBlank() ? "the " + system + " system" : name;
    }
}
