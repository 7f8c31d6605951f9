-- One trace per order (docs/operations.md#tracing). With tracing on, an order keeps the W3C traceparent of the
-- request that brought it in, so every later message for it (a retry, the hand-over to the bots, a replay) continues
-- that trace; its journal entries and bot runs carry the trace id, which a collector, the logs and the systems' logs
-- are searched by. All null with tracing off.

ALTER TABLE orders ADD COLUMN trace_parent VARCHAR(55);
ALTER TABLE order_journal ADD COLUMN trace_id VARCHAR(32);
ALTER TABLE bot_runs ADD COLUMN trace_id VARCHAR(32);
