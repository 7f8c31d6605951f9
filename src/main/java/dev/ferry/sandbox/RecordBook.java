package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The records one system has created, in creation order, numbered by the system itself. */
final class RecordBook {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final String idField;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private long sequence;

    RecordBook(String idField) {
        this.idField = idField;
    }

    /** Stores the record built for the next sequence number, e.g. 1 for {@code SO-000001}. */
    synchronized ObjectNode add(Instant at, LongFunction<ObjectNode> recordFor) {
        ObjectNode record = recordFor.apply(++sequence);
        byId.put(record.get(idField).asText(), new Entry(at, record));
        return record.deepCopy();
    }

    synchronized int size() {
        return byId.size();
    }

    synchronized List<JsonNode> all() {
        return byId.values().stream().<JsonNode>map(entry -> entry.record.deepCopy()).toList();
    }

    synchronized void clear() {
        byId.clear();
        sequence = 0;
    }

    Reply get(String id, String notFoundCode, String notFoundMessage) {
        synchronized (this) {
            Entry entry = byId.get(id);
            if (entry != null) {
                return Reply.ok(entry.record);
            }
        }
        return Reply.error(404, notFoundCode, notFoundMessage);
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
        List<JsonNode> found = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : byId.values()) {
                if (day == null || day.equals(LocalDate.ofInstant(entry.at, ZoneOffset.UTC))) {
                    found.add(entry.record);
                }
            }
            long from = (long) (page - 1) * size;
            List<JsonNode> onPage = from >= found.size() ? List.of()
                    : found.subList((int) from, (int) Math.min(found.size(), from + size));
            ObjectNode reply = Json.object();
            reply.set(field, Json.array().addAll(onPage));
            reply.put("page", page).put("size", size).put("totalItems", found.size());
            if (from + size < found.size()) {
                reply.put("nextPage", page + 1);
            }
            return Reply.ok(reply);
        }
    }

    private record Entry(Instant at, ObjectNode record) {
    }
}
