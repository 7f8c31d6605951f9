package dev.ferry.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Examples from the sandbox: the README's demo order, real answers to it (apidocs/examples.json), and the problem
 * answers Ferry gives, in its words.
 */
final class Examples {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_ID = "01a250c8-073f-7042-8328-a1f38a662e75";
    private static final String EXCEPTION_ID = "019af5c4-0d21-7a6b-8e3f-5b9c2d7e1f08";
    private static final String RUN_ID = "0b6f1c9e-2a4d-4e8b-9c1f-7d3a5e2b8c60";

    static final JsonNode DEMO_ORDER = parse("""
            {"externalId": "WEB-10042", "source": "webshop",
             "customer": {"id": "C-1001", "email": "ana@example.com", "name": "Ana Lima"},
             "currency": "EUR",
             "lines": [{"sku": "SKU-RED-MUG", "quantity": 2, "unitPrice": "12.50"}],
             "shipTo": {"name": "Ana Lima", "street": "Rua Augusta 1", "city": "Lisboa",
                        "postalCode": "1100-048", "country": "PT"},
             "shipping": {"service": "standard"}}""");

    /** "METHOD path status" → a real answer (apidocs/examples.json). */
    private static final JsonNode ANSWERS = resource("apidocs/examples.json");

    /** type → title and an answer's detail as Ferry writes it. */
    private static final Map<String, String[]> PROBLEMS = Map.ofEntries(
            Map.entry("invalid-order", new String[] {"Invalid order", "The order does not match the order schema."}),
            Map.entry("bad-request", new String[] {"Bad Request",
                    "page must be 0 or more and size between 1 and 200."}),
            Map.entry("invalid-request", new String[] {"Invalid request",
                    "The discard needs a reason; nothing was changed."}),
            Map.entry("invalid-input", new String[] {"Invalid bot input",
                    "The input does not match the bot's input schema; no run was started."}),
            Map.entry("unauthorized", new String[] {"Unauthorized", "Send an API key as 'Authorization: Bearer <key>'."}),
            Map.entry("forbidden", new String[] {"Forbidden", "Your credentials do not allow this action."}),
            Map.entry("not-found", new String[] {"Not Found",
                    "There is no order with id 01a250c8-073f-7042-8328-a1f38a662e75."}),
            Map.entry("conflict", new String[] {"Conflict",
                    "Order 01a250c8-073f-7042-8328-a1f38a662e75 is IN_PROGRESS; only an order that ended, COMPLETED or "
                            + "FLAGGED, can be recorded."}),
            Map.entry("exception-not-found", new String[] {"Exception not found",
                    "There is no exception with id 019af5c4-0d21-7a6b-8e3f-5b9c2d7e1f08."}),
            Map.entry("exception-not-open", new String[] {"Exception not open",
                    "Exception 019af5c4-0d21-7a6b-8e3f-5b9c2d7e1f08 is RESOLVED; only an OPEN exception can be claimed."}),
            Map.entry("exception-not-an-order", new String[] {"Exception not about an order",
                    "Exception 019af5c4-0d21-7a6b-8e3f-5b9c2d7e1f08 (SO-000123: no invoice) is not about an order, so "
                            + "there is nothing to be replayed; resolve it with a note once it is seen to, or discard it."}),
            Map.entry("exception-is-an-order", new String[] {"Exception about an order",
                    "Exception 019af5c4-0d21-7a6b-8e3f-5b9c2d7e1f08 is about an order; replay the order (or discard it) to close it."}),
            Map.entry("exception-claimed", new String[] {"Someone else is working on it",
                    "reviewer is working on this item since 2026-12-07T13:40:00Z; take it over to act on it."}),
            Map.entry("payload-too-large", new String[] {"Payload Too Large",
                    "The order is larger than the limit of 1048576 bytes."}),
            Map.entry("unsupported-media-type", new String[] {"Unsupported Media Type",
                    "Send the order as application/json, not text/plain."}),
            Map.entry("idempotency-key-reused", new String[] {"Idempotency-Key reused",
                    "The Idempotency-Key 'demo-10042' was already used for order 01a250c8-073f-7042-8328-a1f38a662e75 "
                            + "with a different body; use a new key for a new order."}),
            Map.entry("store-unavailable", new String[] {"Store unavailable",
                    "Ferry cannot store orders right now: cannot create a file in /var/lib/ferry (Operation not "
                            + "permitted). Nothing was accepted; send the order again after Retry-After seconds."}),
            Map.entry("bot-not-found", new String[] {"Bot not found",
                    "There is no bot 'book-fright' in rpa-bots/ or among the Java bots (GET /api/bots lists them)."}),
            Map.entry("bot-run-not-found", new String[] {"Bot run not found",
                    "There is no bot run 0b6f1c9e-2a4d-4e8b-9c1f-7d3a5e2b8c60, or it kept no such file."}),
            Map.entry("artifact-not-found", new String[] {"Artifact not found",
                    "The bot run 0b6f1c9e-2a4d-4e8b-9c1f-7d3a5e2b8c60 kept no trace.zip."}),
            Map.entry("schedule-not-found", new String[] {"Schedule not found",
                    "There is no schedule 'nightly' under ferry.schedules in config/ (GET /api/schedules lists them)."}),
            Map.entry("schedule-not-scheduled", new String[] {"Schedule not in use",
                    "The schedule 'tracking-sync' is configured, but no route starts with quartz:ferry/tracking-sync."}));

    private Examples() {
    }

    /** A real success answer of the operation, or null when none was kept. */
    static JsonNode answer(String method, String path, int status) {
        JsonNode answer = ANSWERS.get(method + " " + path + " " + status);
        return answer == null ? null : answer.deepCopy();
    }

    /** The operation's path with example values, as an answer's {@code instance} names it. */
    static String instance(String path) {
        return path.replace("{orderId}", ORDER_ID).replace("{id}", EXCEPTION_ID).replace("{runId}", RUN_ID)
                .replace("{file}", "trace.zip")
                .replace("/api/bots/{name}", "/api/bots/book-fright").replace("{name}", "nightly");
    }

    static ObjectNode problem(String type, int status, String instance) {
        String[] known = PROBLEMS.get(type);
        if (known == null) {
            throw new IllegalStateException("No example for the problem type " + type);
        }
        String detail = type.equals("bad-request") && status == 400 && !instance.startsWith("/api/orders")
                && !instance.equals("/api/exceptions") ? notRead(instance) : known[1];
        ObjectNode problem = JSON.createObjectNode().put("type", ApiSchemas.PROBLEM_BASE + type).put("title", known[0])
                .put("status", status).put("detail", detail).put("instance", instance);
        if (type.equals("invalid-order")) {
            problem.putArray("errors").addObject().put("pointer", "/currency")
                    .put("message", "must be an ISO 4217 currency code such as EUR or USD");
            problem.put("errorCount", 1);
        }
        if (type.equals("idempotency-key-reused")) {
            problem.put("orderId", "01a250c8-073f-7042-8328-a1f38a662e75");
        }
        return problem;
    }

    // Spring's words for a body or parameter it could not read
    private static String notRead(String instance) {
        return instance.endsWith("/runs") ? "Failed to convert 'limit' with value: 'ten'" : "Failed to read request";
    }

    private static JsonNode resource(String name) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
