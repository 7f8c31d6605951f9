package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A caller of one simulated system, authenticated as Ferry's connector would be unless told otherwise. */
final class SandboxHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final List<String> headers;

    private SandboxHttp(String baseUrl, List<String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    static SandboxHttp crm(SandboxSystems sandbox) {
        return new SandboxHttp(sandbox.crm().baseUrl(), List.of("Authorization", "Bearer crm-sandbox-token"));
    }

    static SandboxHttp erp(SandboxSystems sandbox) {
        return new SandboxHttp(sandbox.erp().baseUrl(), List.of("X-API-Key", "erp-sandbox-key"));
    }

    static SandboxHttp accounting(SandboxSystems sandbox) {
        String basic = Base64.getEncoder().encodeToString("ferry:accounting-sandbox".getBytes(StandardCharsets.UTF_8));
        return new SandboxHttp(sandbox.accounting().baseUrl(), List.of("Authorization", "Basic " + basic));
    }

    static SandboxHttp shipping(SandboxSystems sandbox) {
        return new SandboxHttp(sandbox.shipping().baseUrl(), List.of("Authorization", "Bearer shipping-sandbox-token"));
    }

    SandboxHttp anonymous() {
        return new SandboxHttp(baseUrl, List.of());
    }

    SandboxHttp header(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        if (more.contains(name)) {
            more.remove(more.indexOf(name) + 1);
            more.remove(name);
        }
        more.add(name);
        more.add(value);
        return new SandboxHttp(baseUrl, List.copyOf(more));
    }

    SandboxHttp key(String idempotencyKey) {
        return header("Idempotency-Key", idempotencyKey);
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5));
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), json(response.body()), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // a non-JSON body still makes an answer, so the failing assertion shows what came back
    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    record Answer(int status, String body, JsonNode json, HttpResponse<String> response) {

        String text(String field) {
            return json.path(field).asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
