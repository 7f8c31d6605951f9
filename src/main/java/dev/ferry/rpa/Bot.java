package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One bot definition from {@code rpa-bots/<folder>/<name>.yaml}: what it needs, what it does on the
 * screen, and what it gives back. {@code system} names the connector whose base URL the bot's pages
 * are relative to ({@code ferry.connectors.<system>.base-url}).
 */
record Bot(String name, String system, String description, int concurrency, List<String> secrets, JsonNode input,
        Signals signals, List<Step> steps, Map<String, String> output, Path file) {

    /** Texts by which the legacy system says "try again later": nothing was done, a retry may succeed. */
    record Signals(String busy, String sessionExpired) {

        static final Signals NONE = new Signals(null, null);
    }
}
