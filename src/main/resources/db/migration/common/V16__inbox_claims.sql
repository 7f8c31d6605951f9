-- Who is working on an inbox item: a reviewer who opens an item (or claims it through the API) holds it until
-- they act on it, release it, or the claim runs out (ferry.inbox.claim-timeout), so two people do not work the
-- same item unknowingly. claimed_until is written when the claim is taken, so reading it needs no setting.

ALTER TABLE exceptions ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE exceptions ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE exceptions ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
