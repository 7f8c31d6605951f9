package dev.ferry.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The request a handler answers, with the parsing every system needs done once. */
final class Call {

    private final Request request;
    private final String path;
    private final Map<String, String> pathParams;
    private JsonNode json;

    Call(Request request, Route route) {
        this.request = request;
        this.path = URI.create(request.getUrl()).getRawPath();
        this.pathParams = route == null ? Map.of() : route.pathParams(path);
    }

    String method() {
        return request.getMethod().getName();
    }

    String path() {
        return path;
    }

    String header(String name) {
        return request.containsHeader(name) ? request.getHeader(name) : null;
    }

    String pathParam(String name) {
        return URLDecoder.decode(pathParams.get(name), StandardCharsets.UTF_8);
    }

    Optional<String> query(String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    Optional<LocalDate> queryDate(String name) {
        return query(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw Rejection.badRequest("invalid_date",
                        "The date \"" + value + "\" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-11-28.");
            }
        });
    }

    /** A whole number between min and max, e.g. {@code ?page=2}; anything else is the caller's mistake. */
    Optional<Integer> queryNumber(String name, int min, int max) {
        return query(name).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below, like a number out of range
            }
            throw Rejection.badRequest("invalid_" + name, "The " + name + " \"" + value
                    + "\" is not valid; give a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
        });
    }

    /** The body as a JSON object; anything else is the caller's mistake. */
    JsonNode json() {
        if (json == null) {
            json = parseObject(request.getBodyAsString());
        }
        return json;
    }

    private static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw Rejection.badRequest("invalid_json", "The request has no body; send the record as a JSON object.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw Rejection.badRequest("invalid_json", "The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw Rejection.badRequest("invalid_json", "The request body is not valid JSON" + where + ".");
        }
    }
}
