-- Every run of a bot: what it was given (secrets masked), how it went, and what it gave back.
-- Its evidence files (screenshot.png, page.html) are under the data directory, bot-runs/<id>/.
-- Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE bot_runs (
    id            VARCHAR(36)   PRIMARY KEY,
    bot           VARCHAR(100)  NOT NULL,
    system        VARCHAR(100)  NOT NULL,
    -- the order the run worked for, when a route ran it; NULL for a run started through the API
    order_id      VARCHAR(36),
    status        VARCHAR(16)   NOT NULL,
    failure_code  VARCHAR(32),
    -- plain words, secrets masked
    error         VARCHAR(2000),
    input         VARCHAR,
    output        VARCHAR,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_bot_runs_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);

CREATE INDEX ix_bot_runs_bot_started_at ON bot_runs (bot, started_at);
CREATE INDEX ix_bot_runs_order_id ON bot_runs (order_id, started_at);
