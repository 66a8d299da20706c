-- Settings an admin edits in the UI: sender identity, legal footer, frequency cap, quiet hours
-- (jp.koyomi.settings.Setting names them). One row per setting that was saved; a setting without
-- a row takes its configured or default value, and a value set in the environment or the
-- configuration wins over the row.
CREATE TABLE setting (
    name        VARCHAR(100)  PRIMARY KEY,
    text_value  VARCHAR(1000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL
);
