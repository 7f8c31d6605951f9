package dev.ferry.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A running Ferry's API, as the commands read recordings from it: a reviewer's or admin's API key. */
final class FerryApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 200;

    private final String base;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FerryApi(String base, String key) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.key = key;
    }

    Recording recording(String orderId) {
        JsonNode body = get("/api/orders/" + encode(orderId) + "/recording");
        return JSON.convertValue(body, Recording.class);
    }

    /** The ids of the newest {@code count} orders that ended (COMPLETED or FLAGGED), or of this status and source. */
    List<String> newest(int count, String status, String source) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < count; page++) {
            JsonNode items = get("/api/orders?size=" + PAGE + "&page=" + page
                    + (status == null ? "" : "&status=" + encode(status))
                    + (source == null ? "" : "&source=" + encode(source))).path("items");
            for (JsonNode item : items) {
                String itemStatus = item.path("status").asText();
                if (ids.size() < count && (status != null || itemStatus.equals("COMPLETED") || itemStatus.equals("FLAGGED"))) {
                    ids.add(item.path("orderId").asText());
                }
            }
            if (items.size() < PAGE) {
                break;
            }
        }
        return ids;
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("Ferry at " + base + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); give its address with --from=http://host:port");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        JsonNode body = read(response.body());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new Unreachable("Ferry at " + base + " refused the API key (HTTP " + response.statusCode()
                    + "): recordings need a key with the REVIEWER or ADMIN role, given with --key= or FERRY_API_KEY");
        }
        if (response.statusCode() != 200) {
            throw new Unreachable("GET " + path + ": HTTP " + response.statusCode() + ": "
                    + body.path("detail").asText(response.body()));
        }
        return body;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The API could not give what was asked; the message says why and what to do. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }
}
