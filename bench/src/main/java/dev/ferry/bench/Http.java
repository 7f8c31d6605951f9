package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Small blocking HTTP calls of the bench's own (control, status, readiness); the load has its own client. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> get(URI uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static HttpResponse<String> post(URI uri, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static JsonNode getJson(URI uri, String bearer) {
        HttpResponse<String> response = get(uri, bearer);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    static JsonNode getJsonOrNull(URI uri) {
        HttpResponse<String> response = get(uri, null);
        return response.statusCode() == 200 ? read(response.body()) : null;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until GET uri answers 200; returns the seconds since the process started. */
    static double awaitOk(JavaProcess process, URI uri, String bearer, int timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            try {
                if (get(uri, bearer).statusCode() == 200) {
                    return process.age();
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            pause(Duration.ofMillis(25));
        }
        process.close();
        throw new IllegalStateException(process.name() + " did not answer " + uri + " within " + timeoutSeconds
                + " s; see " + process.log());
    }

    /** The bench's own pacing (polls, measured durations): parks the calling thread for the whole duration. */
    static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        // parkNanos may return early (a spurious wake-up, a pending unpark): park again for the rest
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
