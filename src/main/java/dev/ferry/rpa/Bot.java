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
        Signals signals, Script script, String source) {

    /** Texts by which the legacy system says "try again later": nothing was done, a retry may succeed. */
    record Signals(String busy, String sessionExpired) {

        static final Signals NONE = new Signals(null, null);

        List<String> texts() {
            return java.util.stream.Stream.of(busy, sessionExpired).filter(java.util.Objects::nonNull).toList();
        }
    }

    /** The screen work of one run, in a fresh page; returns the bot's output. */
    interface Script {

        ObjectNode run(BotSession session, JsonNode input);
    }
}
