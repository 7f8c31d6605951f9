-- Issue 15. Written to run unchanged on H2 and PostgreSQL.

-- Idempotency-Keys are each API client's own: the same key sent by two clients names two different orders.
-- api_client is the name of the key (ferry.security.api-keys[].name) that posted the order; NULL for orders
-- Ferry pulled itself and for orders stored before this version (their keys match no client's any more;
-- a resend of the same order is still answered with the first by source + externalId).
ALTER TABLE orders ADD COLUMN api_client VARCHAR(100);
ALTER TABLE orders DROP CONSTRAINT uq_orders_idempotency_key;
ALTER TABLE orders ADD CONSTRAINT uq_orders_client_idempotency_key UNIQUE (api_client, idempotency_key);

-- Failed sign-ins per user name (hashed) and per client address, shared by every node: a subject with too
-- many failures within the window is refused until the window ends (ferry.security.login-throttle).
CREATE TABLE login_failures (
    subject       VARCHAR(100) PRIMARY KEY,
    failures      INT          NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_login_failures_window_start ON login_failures (window_start);
