package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
        Fingerprint fingerprint = Fingerprint.of(call);
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

    /**
     * What makes two requests the same: method, path and JSON body, kept as a SHA-256 digest rather than the
     * body itself, because a key is remembered for as long as the sandbox runs (100,000s of them in a benchmark).
     */
    private record Fingerprint(byte[] digest) {

        static Fingerprint of(Call call) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update((call.method() + " " + call.path() + "\n").getBytes(StandardCharsets.UTF_8));
                return new Fingerprint(sha256.digest(CANONICAL.writeValueAsBytes(call.json())));
            } catch (NoSuchAlgorithmException | JsonProcessingException e) {
                throw new IllegalStateException("Cannot fingerprint a request for its Idempotency-Key", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Fingerprint that && MessageDigest.isEqual(digest, that.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }

    private static final class Slot {
        private int attempts;
        private Reply reply;
        private Fingerprint fingerprint;
    }
}
