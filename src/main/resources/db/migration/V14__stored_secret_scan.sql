-- Credentials written into stored versions. Each version remembers the revision of the secret scan it was last
-- scanned with, so that a sweep after the rules changed scans only what it has not scanned yet, and what that scan
-- found: JSON pointers and kinds, never the values. A version with findings is hidden from agents (stored-secret).
ALTER TABLE server_version
    ADD COLUMN secrets_scanned_with integer NOT NULL DEFAULT 0,
    ADD COLUMN secret_findings jsonb;

-- the sweep's way to the versions not yet scanned with the current rules
CREATE INDEX server_version_secrets_scanned_with ON server_version (secrets_scanned_with);
