package dev.ferry.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The faults the sandbox can inject into its four API systems ({@code ferry.sandbox.faults.kinds}), named in
 * settings and in {@code GET /stats} by their label.
 */
public enum FaultKind {

    /** {@code 503 unavailable}, before the request has any effect. */
    UNAVAILABLE("503"),
    /** {@code 429 rate_limited} with {@code Retry-After: 1}, before the request has any effect. */
    TOO_MANY_REQUESTS("429"),
    /**
     * The connection is reset after the request has had its effect (a create has stored its record and
     * remembered its Idempotency-Key), so the caller never sees the answer: what a real timeout often is.
     */
    RESET("reset");

    private static final int RETRY_AFTER_SECONDS = 1;

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(FaultKind::label).toList();
    }

    static FaultKind of(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ferry.sandbox.faults.kinds may name " + labels()
                        + ", but names \"" + label + "\""));
    }

    /** True for the kinds that answer instead of the system, so the request has no effect at all. */
    boolean beforeEffect() {
        return this != RESET;
    }

    /** The answer of a kind that comes before the effect; the plain-English message is what Ferry's inbox shows. */
    Reply reply(SandboxSystem system) {
        return switch (this) {
            case UNAVAILABLE -> Reply.error(503, "unavailable",
                    "The " + system.title() + " is temporarily unavailable; try again later.");
            case TOO_MANY_REQUESTS -> Reply.error(429, "rate_limited", "Too many requests; retry after "
                    + RETRY_AFTER_SECONDS + " second.").withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            case RESET -> throw new IllegalStateException("A reset has no answer; the connection is closed instead");
        };
    }
}
