package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Makes a create safe to retry: one record per {@code Idempotency-Key}, and every retry gets the first
 * successful reply again. Failed attempts are not remembered, so a caller may fix its request and send it
 * again under the same key (Ferry derives keys from order and step, and replays after a reviewer's fix).
 */
final class IdempotencyStore {

    static final String HEADER = "Idempotency-Key";
    // fields sorted, so the same JSON object sent with its fields in another order is the same request
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

    /** Creates the record. */
    interface Create {
        Reply attempt(Attempt attempt);
    }

    /**
     * One call to create: {@code number} counts the calls made with this key, from 1; the key and the request's
     * fingerprint go with the record into the system's {@link StateFile}, so a retry after a restart still gets
     * the first reply.
     */
    record Attempt(int number, String key, String fingerprint) {
    }

    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    Reply create(Call call, Create create) {
        String key = call.header(HEADER);
        if (key == null || key.isBlank()) {
            throw Rejection.badRequest("idempotency_key_missing", "This request creates a record, so it needs an"
                    + " Idempotency-Key header; without one a retry could create a duplicate.");
        }
        String fingerprint = fingerprint(call);
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        // one caller at a time per key: concurrent retries must not race each other into two records
        synchronized (slot) {
            if (slot.reply != null) {
                return fingerprint.equals(slot.fingerprint) ? slot.reply : reused(key);
            }
            slot.attempts++;
            Reply reply = create.attempt(new Attempt(slot.attempts, key, fingerprint));
            if (reply.successful()) {
                slot.reply = reply;
                slot.fingerprint = fingerprint;
            }
            return reply;
        }
    }

    /** Remembers the reply a create under this key got before a restart. */
    void restore(String key, String fingerprint, Reply reply) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            slot.reply = reply;
            slot.fingerprint = fingerprint;
        }
    }

    void clear() {
        slots.clear();
    }

    private static Reply reused(String key) {
        return Reply.error(422, "idempotency_key_reused", "The Idempotency-Key " + key + " was already used for"
                + " a different request; a new request needs a new key.");
    }

    /**
     * What makes two requests the same: method, path and JSON body, kept as a SHA-256 digest (Base64) rather than
     * the body itself, because a key is remembered for as long as the sandbox keeps its records (100,000s of them
     * in a benchmark).
     */
    private static String fingerprint(Call call) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((call.method() + " " + call.path() + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256.digest(CANONICAL.writeValueAsBytes(call.json())));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint a request for its Idempotency-Key", e);
        }
    }

    private static final class Slot {
        private int attempts;
        private Reply reply;
        private String fingerprint;
    }
}
