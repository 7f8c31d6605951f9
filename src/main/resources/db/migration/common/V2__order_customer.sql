-- The customer's name and email, kept beside the payload so reviewers can search by them.
ALTER TABLE orders ADD COLUMN customer_name VARCHAR(200);
ALTER TABLE orders ADD COLUMN customer_email VARCHAR(254);
CREATE INDEX ix_orders_external_id ON orders (external_id);
