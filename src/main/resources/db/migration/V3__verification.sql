-- What the registry observed when it probed each remote's OAuth set-up, and when to look again.
ALTER TABLE server_version
    ADD COLUMN verification        jsonb,
    ADD COLUMN oauth_verification  text NOT NULL DEFAULT 'not-applicable'
        CHECK (oauth_verification IN ('unverified', 'verified', 'failed', 'unreachable', 'not-applicable')),
    ADD COLUMN verification_due_at timestamptz;

CREATE INDEX server_version_verification_due ON server_version (verification_due_at)
    WHERE verification_due_at IS NOT NULL;

CREATE TABLE remote_verification (
    server_version_id bigint NOT NULL REFERENCES server_version (id),
    remote_index      integer NOT NULL,
    url               text NOT NULL,
    verdict           text NOT NULL,
    checked_at        timestamptz NOT NULL,
    result            jsonb NOT NULL,
    PRIMARY KEY (server_version_id, remote_index)
);
