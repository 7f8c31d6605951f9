-- What Ferry last told the CRM about each consignment's status (routes/tracking-sync.yaml). A consignment
-- whose status on the carrier's portal differs from the one here is sent to the CRM again. A row is written
-- only after the CRM accepted the status, so a call that failed is made again on the next run.
-- Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE shipment_tracking (
    consignment_number  VARCHAR(64)  PRIMARY KEY,
    order_id            VARCHAR(36)  NOT NULL REFERENCES orders (id),
    status              VARCHAR(32)  NOT NULL,
    -- when the carrier says the consignment reached this status
    status_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
