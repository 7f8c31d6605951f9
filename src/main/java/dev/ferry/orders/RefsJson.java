package dev.ferry.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Refs (the ids systems gave back, by name) as the JSON text the orders and journal tables keep. */
final class RefsJson {

    private static final TypeReference<Map<String, String>> REFS = new TypeReference<>() { };

    private RefsJson() {
    }

    static Map<String, String> read(ObjectMapper json, String refs) {
        try {
            return json.readValue(refs, REFS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored refs are not JSON: " + refs, e);
        }
    }

    static String write(ObjectMapper json, Map<String, String> refs) {
        try {
            return json.writeValueAsString(refs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
