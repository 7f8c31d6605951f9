package dev.ferry.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every operation of /api with what springdoc cannot read from the controllers: its id, the roles it needs, whether
 * a session may call it, and its problem answers with their types (docs/api.md, docs/inbox.md#errors,
 * docs/schedules.md). 401 unauthorized and 403 forbidden are every operation's.
 */
final class ApiOperations {

    record Problem(int status, String type, String when) {
    }

    record Op(String method, String path, String id, String tag, List<String> roles, boolean sessions,
            Map<Integer, String> success, List<Problem> problems) {
    }

    static final List<String> READERS = List.of("INTAKE", "REVIEWER", "ADMIN");
    static final List<String> REVIEWERS = List.of("REVIEWER", "ADMIN");
    static final List<String> ADMINS = List.of("ADMIN");

    private static final Problem BAD_PAGE = new Problem(400, "bad-request",
            "an unknown status or category filter, or page below 0 or size outside 1-200");
    private static final Problem NO_EXCEPTION = new Problem(404, "exception-not-found", "no exception with that id");
    private static final Problem NOT_OPEN = new Problem(409, "exception-not-open",
            "the exception is RESOLVED or DISCARDED, or its order is not FLAGGED any more");
    private static final Problem CLAIMED = new Problem(409, "exception-claimed",
            "someone else works on the item (`claim` says who): claim it with takeOver first");
    // Spring's own answers to a body it cannot read as the operation's JSON
    private static final Problem NOT_JSON = new Problem(400, "bad-request", "a body that is not JSON");
    private static final Problem NOT_JSON_TYPE = new Problem(415, "unsupported-media-type",
            "a body that is not application/json");
    private static final Problem NO_SCHEDULE = new Problem(404, "schedule-not-found",
            "no schedule of that name under ferry.schedules");
    private static final Problem NOT_SCHEDULED = new Problem(409, "schedule-not-scheduled",
            "the schedule is configured but no route starts with quartz:ferry/<name>");

    static final List<Op> ALL = List.of(
            new Op("POST", "/api/orders", "postOrder", "orders", List.of("INTAKE"), false,
                    Map.of(202, "A new order, committed and queued.",
                            200, "The same Idempotency-Key from the same API key, or the same source and externalId, "
                                    + "as an earlier order: that order."),
                    List.of(new Problem(400, "invalid-order", "malformed JSON (with line and column), not an object, "
                                    + "a number with an exponent, or violations of the schema and the money and "
                                    + "quantity rules: `errors` lists the first 100, `errorCount` counts them all"),
                            new Problem(403, "forbidden", "a source the key is not bound to, or a session instead of a key"),
                            new Problem(413, "payload-too-large", "a body over ferry.intake.max-body-bytes (1 MiB)"),
                            new Problem(415, "unsupported-media-type", "anything but application/json (or +json)"),
                            new Problem(422, "idempotency-key-reused", "this API key sent the Idempotency-Key before "
                                    + "with a different body (`orderId`: that order)"),
                            new Problem(503, "store-unavailable", "Ferry cannot write its store right now; nothing was "
                                    + "accepted: send the same order again after Retry-After seconds"))),
            new Op("GET", "/api/orders", "listOrders", "orders", READERS, true,
                    Map.of(200, "A page of orders, newest first."),
                    List.of(new Problem(400, "bad-request", "an unknown status, or page below 0 or size outside 1-200"),
                            new Problem(403, "forbidden", "a source the caller may not read"))),
            new Op("GET", "/api/orders/{orderId}", "getOrder", "orders", READERS, true,
                    Map.of(200, "The order with its refs and journal."),
                    List.of(new Problem(404, "not-found", "no such order, or one of a source the key may not read"))),
            new Op("GET", "/api/orders/{orderId}/recording", "getOrderRecording", "orders", REVIEWERS, true,
                    Map.of(200, "The order as ferry route-test and ferry replay --dry-run need it."),
                    List.of(new Problem(404, "not-found", "no such order"),
                            new Problem(409, "conflict", "the order has not ended (COMPLETED or FLAGGED), or was "
                                    + "flagged at intake"))),

            new Op("GET", "/api/exceptions", "listExceptions", "exceptions", REVIEWERS, true,
                    Map.of(200, "A page of the inbox's items."), List.of(BAD_PAGE)),
            new Op("GET", "/api/exceptions/counts", "countExceptions", "exceptions", REVIEWERS, true,
                    Map.of(200, "How many items per status, and per category."), List.of()),
            new Op("GET", "/api/exceptions/{id}", "getException", "exceptions", REVIEWERS, true,
                    Map.of(200, "The item, its order's payload and what happened to both."), List.of(NO_EXCEPTION)),
            new Op("POST", "/api/exceptions/{id}/claim", "claimException", "exceptions", REVIEWERS, true,
                    Map.of(200, "The caller works on the item now."),
                    List.of(NOT_JSON, NO_EXCEPTION, new Problem(409, "exception-not-open", "the exception is not OPEN"),
                            CLAIMED, NOT_JSON_TYPE)),
            new Op("DELETE", "/api/exceptions/{id}/claim", "releaseException", "exceptions", REVIEWERS, true,
                    Map.of(204, "Let go of the item (nothing happens when the caller did not hold it)."),
                    List.of(NO_EXCEPTION, CLAIMED)),
            new Op("PUT", "/api/exceptions/{id}/payload", "correctException", "exceptions", REVIEWERS, true,
                    Map.of(200, "The corrected item."),
                    List.of(new Problem(400, "invalid-order", "a corrected payload that is not a valid order, or "
                                    + "changes source or externalId"),
                            NO_EXCEPTION, NOT_OPEN,
                            new Problem(409, "exception-not-an-order", "the item is a notice: it has no order to correct"),
                            CLAIMED,
                            new Problem(413, "payload-too-large", "a body over ferry.intake.max-body-bytes"),
                            new Problem(415, "unsupported-media-type", "anything but application/json"))),
            new Op("POST", "/api/exceptions/{id}/replay", "replayException", "exceptions", REVIEWERS, true,
                    Map.of(202, "The order is queued again; the item is RESOLVED."),
                    List.of(NO_EXCEPTION, NOT_OPEN,
                            new Problem(409, "exception-not-an-order", "the item is a notice: it has no order to replay"),
                            CLAIMED)),
            new Op("POST", "/api/exceptions/{id}/discard", "discardException", "exceptions", REVIEWERS, true,
                    Map.of(200, "The item and its order are DISCARDED."),
                    List.of(new Problem(400, "invalid-request", "no reason"), NOT_JSON, NO_EXCEPTION, NOT_OPEN, CLAIMED,
                            NOT_JSON_TYPE)),
            new Op("POST", "/api/exceptions/{id}/resolve", "resolveException", "exceptions", REVIEWERS, true,
                    Map.of(200, "The notice is RESOLVED."),
                    List.of(new Problem(400, "invalid-request", "no note"), NOT_JSON, NO_EXCEPTION, NOT_OPEN,
                            new Problem(409, "exception-is-an-order", "the item is about an order: replay it instead"),
                            CLAIMED, NOT_JSON_TYPE)),
            new Op("POST", "/api/exceptions/replay", "replayExceptions", "exceptions", REVIEWERS, true,
                    Map.of(202, "The selected OPEN items' orders are queued again."),
                    List.of(new Problem(400, "invalid-request", "an empty or invalid selection, or one that holds "
                            + "no OPEN exception"), NOT_JSON, NOT_JSON_TYPE)),
            new Op("POST", "/api/exceptions/discard", "discardExceptions", "exceptions", REVIEWERS, true,
                    Map.of(200, "The selected OPEN items are DISCARDED."),
                    List.of(new Problem(400, "invalid-request", "no reason, an empty or invalid selection, or one "
                            + "that holds no OPEN exception"), NOT_JSON, NOT_JSON_TYPE)),

            new Op("GET", "/api/bots", "listBots", "bots", REVIEWERS, true,
                    Map.of(200, "The bots with their last run."), List.of()),
            new Op("POST", "/api/bots/{name}/runs", "startBotRun", "bots", ADMINS, true,
                    Map.of(202, "The run started."),
                    List.of(new Problem(400, "invalid-input", "input that is not JSON or does not match the bot's "
                                    + "input schema"),
                            new Problem(404, "bot-not-found", "no bot of that name"),
                            new Problem(415, "unsupported-media-type", "anything but application/json"))),
            new Op("GET", "/api/bots/runs/{runId}", "getBotRun", "bots", REVIEWERS, true,
                    Map.of(200, "The run."),
                    List.of(new Problem(404, "bot-run-not-found", "no run with that id"))),
            new Op("GET", "/api/bots/runs/{runId}/artifacts/{file}", "getBotRunArtifact", "bots", REVIEWERS, true,
                    Map.of(200, "The file."),
                    List.of(new Problem(404, "bot-run-not-found", "no run with that id, or a file name that is none "
                                    + "of a run's (screenshot.png, page.html, trace.zip ...)"),
                            new Problem(404, "artifact-not-found", "the run kept no such file"))),

            new Op("GET", "/api/schedules", "listSchedules", "schedules", REVIEWERS, true,
                    Map.of(200, "Every schedule with its trigger, policy and last run."), List.of()),
            new Op("GET", "/api/schedules/{name}", "getSchedule", "schedules", REVIEWERS, true,
                    Map.of(200, "The schedule."), List.of(NO_SCHEDULE)),
            new Op("GET", "/api/schedules/{name}/runs", "listScheduleRuns", "schedules", REVIEWERS, true,
                    Map.of(200, "Its recent runs."),
                    List.of(new Problem(400, "bad-request", "a limit that is not a whole number"), NO_SCHEDULE)),
            new Op("POST", "/api/schedules/{name}/pause", "pauseSchedule", "schedules", ADMINS, true,
                    Map.of(200, "Paused."), List.of(NO_SCHEDULE, NOT_SCHEDULED)),
            new Op("POST", "/api/schedules/{name}/resume", "resumeSchedule", "schedules", ADMINS, true,
                    Map.of(200, "Resumed."), List.of(NO_SCHEDULE, NOT_SCHEDULED)),
            new Op("POST", "/api/schedules/{name}/run", "runSchedule", "schedules", ADMINS, true,
                    Map.of(202, "Fired."), List.of(NO_SCHEDULE, NOT_SCHEDULED)));

    private ApiOperations() {
    }

    /** The operation's problems with 401 and 403 first, as every operation has them. */
    static List<Problem> problems(Op op) {
        List<Problem> all = new ArrayList<>();
        all.add(new Problem(401, "unauthorized", "no API key or session, or a key that is not configured"));
        String noRole = "the caller has none of the roles " + String.join(", ", op.roles());
        String forbidden = op.problems().stream().filter(p -> p.status() == 403).map(p -> noRole + "; " + p.when())
                .findFirst().orElse(noRole);
        all.add(new Problem(403, "forbidden", forbidden));
        op.problems().stream().filter(p -> p.status() != 403).forEach(all::add);
        return all;
    }
}
