-- The key that signs unsubscribe and click links when koyomi.channels.link-secret is not set:
-- generated once by the first instance that starts and shared by every instance and restart, so a
-- link in mail already sent keeps working. One row (id 1); a configured key still accepts it.
CREATE TABLE link_secret (
    id          SMALLINT     PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
