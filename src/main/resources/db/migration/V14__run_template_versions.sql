-- The template version per channel a run sends with, recorded when the run is created, so the
-- report says what went out even after the campaign moves to newer versions.
ALTER TABLE campaign_run ADD COLUMN template_versions VARCHAR(500);
