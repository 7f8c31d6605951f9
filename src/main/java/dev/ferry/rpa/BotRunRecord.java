package dev.ferry.rpa;

import java.time.Instant;

/** A row of {@code bot_runs}; input and output are JSON text (secrets masked), error plain words. */
record BotRunRecord(String id, String bot, String system, String orderId, String status, String failureCode,
        String error, String input, String output, Instant startedAt, Instant finishedAt, String traceId) {
}
