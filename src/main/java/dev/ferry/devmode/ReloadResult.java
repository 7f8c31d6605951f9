package dev.ferry.devmode;

import java.time.Instant;
import java.util.List;

/**
 * The last reload, as {@code GET /api/dev/reload} answers it.
 *
 * @param time when it ended
 * @param outcome {@code applied}; {@code refused}: a file has a mistake, nothing changed; {@code failed}: Camel
 *     could not start the new routes, the previous ones run again; {@code none}: no change seen since the start
 * @param files the files that changed, relative to the Ferry home
 * @param mistakes {@code file:line:column: message}, or for {@code failed} what Camel said
 * @param routes the routes re-created (applied), or that would have been
 * @param millis from the first write seen to the routes running (or the refusal)
 */
record ReloadResult(Instant time, String outcome, List<String> files, List<String> mistakes, List<String> routes,
        long millis) {

    static final String APPLIED = "applied";
    static final String REFUSED = "refused";
    static final String FAILED = "failed";

    static ReloadResult none() {
        return new ReloadResult(null, "none", List.of(), List.of(), List.of(), 0);
    }
}
