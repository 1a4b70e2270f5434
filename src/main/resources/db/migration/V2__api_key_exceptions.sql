-- Reviewed exceptions that let an API-key-only server be listed, and the versions each one covers.
CREATE TABLE api_key_exception (
    id                 uuid PRIMARY KEY,
    server_name        text COLLATE "C" NOT NULL,
    version_range      text,
    owning_team        text NOT NULL,
    classification     text NOT NULL CHECK (classification IN ('transitional', 'permanent')),
    justification      text NOT NULL,
    rotation_days      integer NOT NULL,
    key_storage        text NOT NULL,
    offboarding_owner  text NOT NULL,
    -- transitional: when it ends; permanent: when it must be reviewed again (it ends then unless renewed)
    expires_at         timestamptz NOT NULL,
    state              text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'revoked')),
    requested_by       text NOT NULL,
    requested_at       timestamptz NOT NULL,
    decided_by         text,
    decided_at         timestamptz,
    decision_reason    text,
    revoked_by         text,
    revoked_at         timestamptz,
    revocation_reason  text
);

CREATE INDEX api_key_exception_server ON api_key_exception (server_name);
CREATE INDEX api_key_exception_queue ON api_key_exception (state, requested_at);

CREATE TABLE exception_coverage (
    exception_id      uuid NOT NULL REFERENCES api_key_exception (id),
    server_version_id bigint NOT NULL REFERENCES server_version (id),
    PRIMARY KEY (exception_id, server_version_id)
);

CREATE INDEX exception_coverage_version ON exception_coverage (server_version_id);
