package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ferry.connectors.Connector;
import dev.ferry.connectors.Connectors;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs a bot: checks its input, waits for the system's concurrency limit and a free browser worker. */
@Component
class BotRunner {

    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);

    private final BrowserWorkers workers;
    private final Connectors connectors;
    private final RpaSettings settings;
    private final Secrets secrets;
    private final Path runs;
    private final Map<String, Semaphore> perSystem = new ConcurrentHashMap<>();

    BotRunner(BrowserWorkers workers, Connectors connectors, RpaSettings settings,
            @Value("${ferry.data-dir}") String dataDir) {
        this.workers = workers;
        this.connectors = connectors;
        this.settings = settings;
        this.secrets = new Secrets(settings.secrets());
        this.runs = Path.of(dataDir).resolve("bot-runs");
    }

    ObjectNode run(Bot bot, JsonNode input) {
        String runId = UUID.randomUUID().toString();
        checkInput(bot, input);
        for (String name : bot.secrets()) {
            if (settings.secrets().get(name) == null) {
                throw new BotRunException(BotFailure.BOT_ERROR, bot.name(), "The bot " + bot.name()
                        + " needs the secret " + name + ", which is not configured (ferry.rpa.secrets." + name + ").",
                        "missing secret " + name, null);
            }
        }
        Connector connector = connectors.connector(bot.system());
        Semaphore limit = perSystem.computeIfAbsent(bot.system(), s -> new Semaphore(bot.concurrency(), true));
        limit.acquireUninterruptibly();
        long started = System.nanoTime();
        try {
            BotRun run = new BotRun(bot, connector.baseUrl(), label(bot.system(), connector), input, secrets,
                    settings.stepTimeout(), settings.runTimeout(), runs.resolve(runId));
            ObjectNode output = workers.run(bot.name(), run::execute);
            log.info("Bot run {} of {} done in {} ms", runId, bot.name(), (System.nanoTime() - started) / 1_000_000);
            return output;
        } catch (BotRunException e) {
            log.warn("Bot run {} of {} failed: {} {}", runId, bot.name(), e.code(), e.getMessage());
            throw e;
        } finally {
            limit.release();
        }
    }

    private void checkInput(Bot bot, JsonNode input) {
        if (bot.input() == null) {
            return;
        }
        Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(bot.input()).validate(input);
        if (!problems.isEmpty()) {
            String said = problems.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("; "));
            throw new BotRunException(BotFailure.BOT_ERROR, bot.name(), "The input for the bot " + bot.name()
                    + " is not valid: " + secrets.mask(said) + ".", "input: " + secrets.mask(said), null);
        }
    }

    /** How people know the system: its connector's display name, else "the <system> system". */
    static String label(String system, Connector connector) {
        String name = connector.displayName();
        return name == null || name.isBlank() ? "the " + system + " system" : name;
    }
}
