-- Indexes that keep the order list and the inbox as fast with 100,000 orders as with 1,000 (docs/api.md, paging).
-- Each list filters by some columns and sorts newest (or oldest) first with the id breaking ties: an index
-- holding the filtered columns, then created_at, then id, hands a page over in order, so a page reads its
-- 20 index entries instead of sorting every match. The queries name the filtered columns first in their
-- ORDER BY too, as H2 uses an index for sorting only when the ORDER BY starts with the index's columns.
-- With the id in the index, walking to a deep page (OFFSET) reads only the index, not the rows.
-- Written to run unchanged on H2 and PostgreSQL.

DROP INDEX ix_orders_created_at;
CREATE INDEX ix_orders_created_at ON orders (created_at, id);
DROP INDEX ix_orders_status_created_at;
CREATE INDEX ix_orders_status_created_at ON orders (status, created_at, id);
DROP INDEX ix_orders_source_created_at;
CREATE INDEX ix_orders_source_created_at ON orders (source, created_at, id);
CREATE INDEX ix_orders_status_source_created_at ON orders (status, source, created_at, id);

-- no query reads orders by external_id alone: intake's duplicate check uses uq_orders_source_external_id, and
-- the inbox search matches a part of it (LIKE '%...%'), which no B-tree index serves
DROP INDEX ix_orders_external_id;

DROP INDEX ix_exceptions_status_created_at;
CREATE INDEX ix_exceptions_status_created_at ON exceptions (status, created_at, id);
CREATE INDEX ix_exceptions_created_at ON exceptions (created_at, id);
