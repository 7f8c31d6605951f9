package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A bot written in Java, for screens too involved for a YAML bot file: a Spring bean, usually over page
 * objects (one class per screen, locators private, methods named for business actions). It is registered
 * under the same names as the files in {@code rpa-bots/} and runs the same way: {@code rpa:<name>} in a
 * route, {@code POST /api/bots/<name>/runs}, the same pool, limits, run records and evidence.
 */
public interface JavaBot {

    /** The name routes call it by ({@code rpa:<name>}); unique across YAML and Java bots. */
    String name();

    /** The connector whose base URL {@link BotSession#open} is relative to. */
    String system();

    default String description() {
        return "";
    }

    /** How many runs of this system's bots may drive it at once. */
    default int concurrency() {
        return 1;
    }

    /** The secrets it reads with {@link BotSession#secret}, from {@code ferry.rpa.secrets.<name>}. */
    default List<String> secrets() {
        return List.of();
    }

    /** A JSON Schema (2020-12) the input must match, or null for any input. */
    default JsonNode input() {
        return null;
    }

    /** The text of the system's "busy, try later" page, or null. */
    default String busyText() {
        return null;
    }

    /** The text of the system's "session expired" page, or null. */
    default String sessionExpiredText() {
        return null;
    }

    /** Does the screen work in the session's fresh page and returns the output. */
    ObjectNode run(BotSession session, JsonNode input);
}
