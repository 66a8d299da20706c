-- The partial versions a message template version includes, pinned when it is saved, as JSON
-- ({"header": 12, "item-card": 14}). A campaign approval names template versions, so it pins
-- these too: a new partial version changes nothing that was approved. NULL for versions saved
-- before pinning existed; they include the latest partials.
ALTER TABLE template_version ADD COLUMN partials VARCHAR(4000);
