-- The outbox as a guarded queue (docs/operations.md, "The delivery outbox").

-- Every claim writes a fresh token: state changes are conditional on it, so a worker whose lease
-- ran out and whose rows another worker claimed can no longer record anything for them.
ALTER TABLE delivery ADD COLUMN claim_token VARCHAR(36);
-- After this a delivery is not sent any more: it ends EXPIRED. NULL: no expiry (rows made before V16).
ALTER TABLE delivery ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
-- What the letter offers, re-checked against current stock at send time: the SKUs, space-separated,
-- and the units each needs (the rule's min_stock; 0 = no stock check).
ALTER TABLE delivery ADD COLUMN offered_skus VARCHAR(4000);
ALTER TABLE delivery ADD COLUMN offer_min_stock INTEGER;
-- Room for the longer statuses: EXPIRED, SOLD_OUT_BEFORE_SEND.
ALTER TABLE delivery ALTER COLUMN status SET DATA TYPE VARCHAR(32);
-- Renewals and fenced updates find a claim's rows by its token.
CREATE INDEX delivery_claim ON delivery (claim_token);
-- Deliveries already waiting get the default expiry, counted from when they were made.
UPDATE delivery SET expires_at = created_at + INTERVAL '72' HOUR WHERE status = 'PENDING';
