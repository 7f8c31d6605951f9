-- SKIPPED_PAUSED: a fire Quartz handed out just before its schedule was paused (by a person, or by itself
-- after too many failures) is recorded and not run. Written to run unchanged on H2 and PostgreSQL.
ALTER TABLE schedule_runs DROP CONSTRAINT ck_schedule_runs_outcome;
ALTER TABLE schedule_runs ADD CONSTRAINT ck_schedule_runs_outcome
    CHECK (outcome IN ('RUNNING', 'OK', 'FAILED', 'SKIPPED_OVERLAP', 'SKIPPED_PAUSED', 'MISFIRED'));
