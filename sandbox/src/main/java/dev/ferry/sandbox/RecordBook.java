package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The records one system has created, in creation order, numbered by the system itself. A record is kept as the
 * JSON text it was answered with, once: the create's reply, its idempotent replays, {@code GET /{id}} and the
 * lists all send that text, so a benchmark's 100,000 orders cost the sandbox a few hundred bytes each, and no
 * request scans the book. With a {@link StateFile} each record is also appended there, with its sequence number,
 * time and the Idempotency-Key that made it, before it is answered: after a restart the numbering goes on where
 * it stopped and a retry under an old key still gets its first reply.
 */
final class RecordBook {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    /** A stored record: its id and its JSON text. */
    record Stored(String id, String json) {
    }

    /** A record read back from the state file, with the Idempotency-Key and request fingerprint that made it. */
    record Kept(Stored stored, JsonNode record, String key, String fingerprint) {
    }

    private final String idField;
    private final StateFile file;
    private final Map<String, String> byId = new HashMap<>();
    private final List<String> inOrder = new ArrayList<>();
    // each UTC day's records in creation order, for the reconciliation's ?date= lists
    private final Map<LocalDate, List<String>> byDay = new HashMap<>();
    private long sequence;

    RecordBook(String idField) {
        this(idField, StateFile.none());
    }

    RecordBook(String idField, StateFile file) {
        this.idField = idField;
        this.file = file;
    }

    /**
     * Stores the record built for the next sequence number, e.g. 1 for {@code SO-000001}, made by this attempt of
     * an idempotent create; it is in the state file when this returns.
     */
    synchronized Stored add(Instant at, IdempotencyStore.Attempt attempt, LongFunction<ObjectNode> recordFor) {
        ObjectNode record = recordFor.apply(sequence + 1);
        String id = record.get(idField).asText();
        String json = write(record);
        // kept before it is answered: the system never answers with a record it would forget
        file.append(Json.object().put("sequence", sequence + 1).put("at", at.toString())
                .put("key", attempt.key()).put("fingerprint", attempt.fingerprint())
                .putRawValue("record", new RawValue(json)));
        sequence++;
        remember(at, id, json);
        return new Stored(id, json);
    }

    /** Reads the records of the state file back (once, before the system starts); numbering goes on after them. */
    synchronized List<Kept> load() {
        List<Kept> kept = new ArrayList<>();
        for (JsonNode line : file.load()) {
            JsonNode record = line.path("record");
            String id = record.path(idField).asText();
            String json = write(record);
            remember(Instant.parse(line.path("at").asText()), id, json);
            sequence = Math.max(sequence, line.path("sequence").asLong());
            kept.add(new Kept(new Stored(id, json), record, line.path("key").asText(), line.path("fingerprint").asText()));
        }
        return kept;
    }

    private void remember(Instant at, String id, String json) {
        byId.put(id, json);
        inOrder.add(json);
        byDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), day -> new ArrayList<>()).add(json);
    }

    synchronized int size() {
        return byId.size();
    }

    /** Every record, oldest first, parsed afresh: for tests and the control port, never per API request. */
    List<JsonNode> all() {
        List<String> copy;
        synchronized (this) {
            copy = List.copyOf(inOrder);
        }
        return copy.stream().map(RecordBook::read).toList();
    }

    synchronized void clear() {
        byId.clear();
        inOrder.clear();
        byDay.clear();
        sequence = 0;
        file.clear();
    }

    void close() {
        file.close();
    }

    Reply get(String id, String notFoundCode, String notFoundMessage) {
        String json;
        synchronized (this) {
            json = byId.get(id);
        }
        return json != null ? new Reply(200, json, Map.of()) : Reply.error(404, notFoundCode, notFoundMessage);
    }

    /**
     * {@code ?date=YYYY-MM-DD} picks one UTC day; without it, everything. One page at a time, oldest first:
     * {@code page} from 1, {@code size} up to {@value #MAX_PAGE_SIZE}; {@code nextPage} is there while more follow,
     * as in the ERP and accounting APIs this simulates, so a client that reads one page only misses records.
     */
    Reply list(Call call, String field) {
        LocalDate day = call.queryDate("date").orElse(null);
        int page = call.queryNumber("page", 1, Integer.MAX_VALUE).orElse(1);
        int size = call.queryNumber("size", 1, MAX_PAGE_SIZE).orElse(DEFAULT_PAGE_SIZE);
        long from = (long) (page - 1) * size;
        List<String> onPage;
        int total;
        synchronized (this) {
            List<String> found = day == null ? inOrder : byDay.getOrDefault(day, List.of());
            total = found.size();
            onPage = from >= total ? List.of() : List.copyOf(found.subList((int) from, (int) Math.min(total, from + size)));
        }
        ArrayNode records = Json.array();
        // the stored text goes out as it is: no parsing and writing again per list
        onPage.forEach(json -> records.addRawValue(new RawValue(json)));
        ObjectNode reply = Json.object();
        reply.set(field, records);
        reply.put("page", page).put("size", size).put("totalItems", total);
        if (from + size < total) {
            reply.put("nextPage", page + 1);
        }
        return Reply.ok(reply);
    }

    private static String write(JsonNode record) {
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored record is no longer valid JSON: " + json, e);
        }
    }
}
