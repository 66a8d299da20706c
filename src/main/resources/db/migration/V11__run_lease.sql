-- A run is executed by one instance at a time: it holds a lease it renews batch by batch. A run
-- whose lease ran out (its instance died) is taken over and resumes from its checkpoint.
ALTER TABLE campaign_run ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
