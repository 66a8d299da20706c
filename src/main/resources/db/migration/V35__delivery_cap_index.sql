-- The frequency cap counts, for a whole batch of customers at once, their recent marketing
-- deliveries per channel. With every column the count filters on in the index, PostgreSQL answers
-- it from the index instead of visiting ~8 heap pages per customer (89 ms per 500 customers
-- measured on 50,000). It replaces the narrower (customer_id, created_at) index.
CREATE INDEX delivery_cap ON delivery (customer_id, created_at, channel, status, transactional);
DROP INDEX delivery_customer_recent;
