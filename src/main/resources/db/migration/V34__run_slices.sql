-- A run's audience is split into slices: keyset ranges of customer ids (after_id, last_id] that any
-- worker thread of any instance claims. A claim records its owner and bumps the generation; every
-- batch renews the lease only if the generation is still the one it claimed, so a worker that lost
-- its slice stops at its next batch instead of writing beside the new holder.
CREATE TABLE run_slice (
    run_id         BIGINT      NOT NULL REFERENCES campaign_run (id),
    slice_no       INTEGER     NOT NULL,
    after_id       BIGINT      NOT NULL,                 -- exclusive lower bound of the customer ids
    last_id        BIGINT      NOT NULL,                 -- inclusive upper bound
    checkpoint     BIGINT      NOT NULL,                 -- last customer id whose decision is stored
    status         VARCHAR(16) NOT NULL,                 -- PENDING, RUNNING, DONE
    owner          VARCHAR(200),                         -- instance id of the current or last holder
    generation     BIGINT      NOT NULL DEFAULT 0,       -- bumped by every claim: the fencing token
    claimed_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, slice_no)
);
-- Workers look for open slices of running runs.
CREATE INDEX run_slice_open ON run_slice (status, run_id);
