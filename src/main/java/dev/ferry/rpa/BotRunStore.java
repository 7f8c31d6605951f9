package dev.ferry.rpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The run records in {@code bot_runs}, and the evidence files each run kept under {@code bot-runs/<id>/}. */
@Component
class BotRunStore implements BotEvidence {

    /** The evidence files of a failure, in the order they are listed; only these and step screenshots are served. */
    private static final Map<String, String> FILES = Map.of("screenshot.png", "screenshot", "page.html", "html",
            "trace.zip", "trace");
    private static final List<String> ORDER = List.of("screenshot.png", "page.html", "trace.zip");
    /** A screenshot a bot took on purpose (the screenshot step): {@code <name>.png}. */
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}\\.png");
    private static final String COLUMNS =
            "id, bot, system, order_id, status, failure_code, error, input, output, started_at, finished_at, trace_id";

    private final JdbcClient jdbc;
    private final Path runs;

    BotRunStore(JdbcClient jdbc, @Value("${ferry.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.runs = Path.of(dataDir).resolve("bot-runs");
    }

    Path folder(String runId) {
        return runs.resolve(runId);
    }

    /** {@code traceId}: the trace the run is part of (docs/operations.md#tracing), null with tracing off. */
    void started(String id, Bot bot, String orderId, String input, Instant at, String traceId) {
        jdbc.sql("""
                INSERT INTO bot_runs (id, bot, system, order_id, status, input, started_at, trace_id)
                VALUES (:id, :bot, :system, :orderId, 'RUNNING', :input, :at, :traceId)""")
                .param("id", id)
                .param("bot", bot.name())
                .param("system", bot.system())
                .param("orderId", orderId)
                .param("input", input)
                .param("at", Timestamp.from(at))
                .param("traceId", traceId)
                .update();
    }

    void succeeded(String id, String output, Instant at) {
        jdbc.sql("UPDATE bot_runs SET status = 'SUCCEEDED', output = :output, finished_at = :at WHERE id = :id")
                .param("output", output)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void failed(String id, BotFailure code, String error, Instant at) {
        jdbc.sql("UPDATE bot_runs SET status = 'FAILED', failure_code = :code, error = :error, finished_at = :at"
                        + " WHERE id = :id")
                .param("code", code.name())
                .param("error", error == null ? null : truncate(error, 2000))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** A run a stop of Ferry cut short: not a failure of the bot, so not FAILED. */
    void interrupted(String id, String error, Instant at) {
        jdbc.sql("UPDATE bot_runs SET status = 'INTERRUPTED', failure_code = NULL, error = :error, finished_at = :at"
                        + " WHERE id = :id")
                .param("error", truncate(error, 2000))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /**
     * Runs still RUNNING that started before {@code before} can only belong to a Ferry that stopped mid-run
     * (no run outlives its run timeout): they are closed as FAILED. Returns how many.
     */
    int closeAbandoned(Instant before, Instant now) {
        return jdbc.sql("UPDATE bot_runs SET status = 'FAILED', failure_code = 'BOT_ERROR', finished_at = :now,"
                        + " error = 'Ferry stopped during the run; its end was never recorded.'"
                        + " WHERE status = 'RUNNING' AND started_at < :before")
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(before))
                .update();
    }

    Optional<BotRunRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bot_runs WHERE id = :id")
                .param("id", id)
                .query(BotRunStore::record)
                .optional();
    }

    /** Bot name to its latest run. */
    Map<String, BotRunRecord> latestByBot() {
        Map<String, BotRunRecord> latest = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM bot_runs r WHERE started_at = "
                        + "(SELECT MAX(started_at) FROM bot_runs l WHERE l.bot = r.bot)")
                .query(BotRunStore::record)
                .list()
                .forEach(run -> latest.merge(run.bot(), run, (a, b) -> a.id().compareTo(b.id()) >= 0 ? a : b));
        return latest;
    }

    /** What kind of evidence file this name is (screenshot, html, trace, image), or null if it is none. */
    static String kind(String file) {
        if (FILES.containsKey(file)) {
            return FILES.get(file);
        }
        return IMAGE.matcher(file).matches() ? "image" : null;
    }

    /** The evidence files the run kept: the failure's screenshot, page and trace, then the screenshots it took. */
    List<BotArtifact> artifacts(String runId) {
        Path folder = folder(runId);
        List<BotArtifact> artifacts = new ArrayList<>();
        for (String file : ORDER) {
            if (Files.isRegularFile(folder.resolve(file))) {
                artifacts.add(artifact(runId, file));
            }
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.map(f -> f.getFileName().toString()).filter(f -> !FILES.containsKey(f) && kind(f) != null)
                        .sorted().forEach(f -> artifacts.add(artifact(runId, f)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the evidence of bot run " + runId, e);
            }
        }
        return artifacts;
    }

    private static BotArtifact artifact(String runId, String file) {
        return new BotArtifact(kind(file), "/api/bots/runs/" + runId + "/artifacts/" + file);
    }

    @Override
    public List<BotArtifact> ofFailedRun(String orderId) {
        return jdbc.sql("SELECT id, status FROM bot_runs WHERE order_id = :orderId ORDER BY started_at DESC, id DESC"
                        + " LIMIT 1")
                .param("orderId", orderId)
                .query((rs, row) -> new String[] {rs.getString("id"), rs.getString("status")})
                .optional()
                .filter(latest -> "FAILED".equals(latest[1]))
                .map(latest -> artifacts(latest[0]))
                .orElse(List.of());
    }

    private static BotRunRecord record(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BotRunRecord(rs.getString("id"), rs.getString("bot"), rs.getString("system"),
                rs.getString("order_id"), rs.getString("status"), rs.getString("failure_code"), rs.getString("error"),
                rs.getString("input"), rs.getString("output"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("trace_id"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
