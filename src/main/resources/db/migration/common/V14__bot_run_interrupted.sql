-- A bot run that a stop of Ferry cut short is INTERRUPTED: Ferry stopped it on purpose, the bot did not fail.
-- (A run left RUNNING by a killed Ferry is still closed as FAILED by the abandoned-runs check.)
-- Written to run unchanged on H2 and PostgreSQL.

ALTER TABLE bot_runs DROP CONSTRAINT ck_bot_runs_status;
ALTER TABLE bot_runs ADD CONSTRAINT ck_bot_runs_status
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED'));
