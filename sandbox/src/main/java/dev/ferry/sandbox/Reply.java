package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer of a simulated system; rendered once so an idempotent replay is byte-for-byte the same. */
record Reply(int status, String body, Map<String, String> headers) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        try {
            return new Reply(status, Json.MAPPER.writeValueAsString(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record just created, answered with the very text the record book keeps (not a copy of it). */
    static Reply created(RecordBook.Stored record) {
        return new Reply(201, record.json(), Map.of());
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    static Reply error(int status, String code, String message) {
        return json(status, Json.object().put("error", code).put("message", message));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more);
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    ResponseDefinition toResponse() {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        headers.forEach(response::withHeader);
        return response.build();
    }
}
