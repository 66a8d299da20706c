-- "Run now" repeated with the same Idempotency-Key answers with the run the first request started.
-- NULL for scheduled runs and for requests without the header (NULLs never collide).
ALTER TABLE campaign_run ADD COLUMN idempotency_key VARCHAR(200);
CREATE UNIQUE INDEX campaign_run_idempotency_key ON campaign_run (campaign_id, idempotency_key);
