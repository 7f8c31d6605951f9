package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One bot: what it needs, what it does on the screen ({@code script}), and where it was written
 * ({@code source}: its file under {@code rpa-bots/}, or its Java class). {@code system} names the connector
 * whose base URL the bot's pages are relative to ({@code ferry.connectors.<system>.base-url}).
 */
record Bot(String name, String system, String description, int concurrency, List<String> secrets, JsonNode input,
        Signals signals, Validation validation, Script script, String source) {

    /** Texts by which the legacy system says "try again later": nothing was done, a retry may succeed. */
    record Signals(String busy, String sessionExpired) {

        static final Signals NONE = new Signals(null, null);

        List<String> texts() {
            return java.util.stream.Stream.of(busy, sessionExpired).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * Where the system shows its messages about the data it refused ({@code messages}, null: the bot did not say),
     * and how a message's field is found: {@code describedBy} (the field whose aria-describedby or
     * aria-errormessage names the message), {@code nearest} (the one field in the message's nearest enclosing
     * element that holds one: its table row, its form group), or null for the first, else the second.
     */
    record Validation(Step.Target messages, String field) {

        static final Validation NONE = new Validation(null, null);
        static final java.util.List<String> FIELD_WAYS = java.util.List.of("describedBy", "nearest");
    }

    /** The screen work of one run, in a fresh page; returns the bot's output. */
    interface Script {

        ObjectNode run(BotSession session, JsonNode input);
    }
}
