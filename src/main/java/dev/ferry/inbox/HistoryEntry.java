package dev.ferry.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What someone did to an exception; an edit keeps the payload before and after. */
record HistoryEntry(Instant at, String actor, String action, String note, JsonNode payloadBefore,
        JsonNode payloadAfter) {
}
