package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes a create safe to retry: one record per {@code Idempotency-Key}, and every retry gets the first
 * successful reply again. Failed attempts are not remembered, so a caller may fix its request and send it
 * again under the same key (Ferry derives keys from order and step, and replays after a reviewer's fix).
 */
final class IdempotencyStore {

    static final String HEADER = "Idempotency-Key";

    /** Creates the record; {@code attempt} counts the calls made with this key, from 1. */
    interface Create {
        Reply attempt(int attempt);
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    Reply create(Call call, Create create) {
        String key = call.header(HEADER);
        if (key == null || key.isBlank()) {
            throw Rejection.badRequest("idempotency_key_missing", "This request creates a record, so it needs an"
                    + " Idempotency-Key header; without one a retry could create a duplicate.");
        }
        Fingerprint fingerprint = new Fingerprint(call.method(), call.path(), call.json());
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        // one caller at a time per key: concurrent retries must not race each other into two records
        synchronized (slot) {
            if (slot.reply != null) {
                return fingerprint.equals(slot.fingerprint) ? slot.reply : reused(key);
            }
            slot.attempts++;
            Reply reply = create.attempt(slot.attempts);
            if (reply.successful()) {
                slot.reply = reply;
                slot.fingerprint = fingerprint;
            }
            return reply;
        }
    }

    void clear() {
        slots.clear();
    }

    private static Reply reused(String key) {
        return Reply.error(422, "idempotency_key_reused", "The Idempotency-Key " + key + " was already used for"
                + " a different request; a new request needs a new key.");
    }

    private record Fingerprint(String method, String path, JsonNode body) {
    }

    private static final class Slot {
        private int attempts;
        private Reply reply;
        private Fingerprint fingerprint;
    }
}
