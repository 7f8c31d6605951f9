-- The slots of each legacy system's bot concurrency limit, shared by every node on this database.
-- A run holds one slot of its system while it drives the system's screens: it takes a slot that is free
-- or whose lease has run out with one conditional UPDATE (the row lock lets one node win), renews the
-- lease while it runs and frees the slot when it ends. A node that dies holding a slot loses it when the
-- lease runs out. Rows for slots 1..limit are added when first needed (the primary key keeps them single).
-- Written to run unchanged on H2 and PostgreSQL.

CREATE TABLE bot_slots (
    system       VARCHAR(100) NOT NULL,
    slot         INT          NOT NULL,
    -- the bot run holding the slot, NULL when free
    holder       VARCHAR(36),
    -- the node (ferry.node-id) the holder runs on
    node         VARCHAR(128),
    taken_at     TIMESTAMP WITH TIME ZONE,
    lease_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_bot_slots PRIMARY KEY (system, slot),
    CONSTRAINT ck_bot_slots_slot CHECK (slot >= 1),
    CONSTRAINT ck_bot_slots_held CHECK (
        (holder IS NULL AND node IS NULL AND lease_until IS NULL)
        OR (holder IS NOT NULL AND node IS NOT NULL AND lease_until IS NOT NULL))
);

CREATE INDEX ix_bot_slots_node ON bot_slots (node);
