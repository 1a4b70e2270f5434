-- Registry core: namespaces, one row per server version, remote URL ownership, audit trail.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE namespace (
    id                    bigserial PRIMARY KEY,
    namespace             text COLLATE "C" NOT NULL UNIQUE,
    include_subnamespaces boolean NOT NULL,
    owning_team           text NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

CREATE TABLE server_version (
    id                 bigserial PRIMARY KEY,
    name               text COLLATE "C" NOT NULL,
    version            text COLLATE "C" NOT NULL,
    status             text NOT NULL CHECK (status IN ('active', 'deprecated', 'deleted')),
    status_message     text,
    status_changed_at  timestamptz NOT NULL,
    is_latest          boolean NOT NULL,
    published_at       timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    owning_team        text NOT NULL,
    accountable_owner  text NOT NULL,
    -- the published server.json: jsonb for queries, and its compact text as published for serving
    document           jsonb NOT NULL,
    document_text      text NOT NULL,
    -- governance derived at publish: the auth profile and the flags the listing gate reads
    auth_profile       jsonb NOT NULL,
    has_oauth          boolean NOT NULL,
    has_remote_api_key boolean NOT NULL,
    has_package_secret boolean NOT NULL,
    has_public_remote  boolean NOT NULL,
    CONSTRAINT server_version_name_version UNIQUE (name, version)
);

CREATE INDEX server_version_latest ON server_version (name, version) WHERE is_latest;
CREATE INDEX server_version_updated_at ON server_version (updated_at);
CREATE INDEX server_version_name_trgm ON server_version USING gin (name gin_trgm_ops);
CREATE INDEX server_version_owning_team ON server_version (owning_team);

-- Two different servers may not share a remote URL.
CREATE TABLE remote_url (
    url         text PRIMARY KEY,
    server_name text COLLATE "C" NOT NULL
);

CREATE TABLE audit_event (
    id              bigserial PRIMARY KEY,
    occurred_at     timestamptz NOT NULL,
    actor_subject   text,
    actor_client_id text,
    actor_roles     text NOT NULL,
    action          text NOT NULL,
    target_type     text NOT NULL,
    target_id       text NOT NULL,
    before          jsonb,
    after           jsonb,
    request_id      text,
    source_address  text
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id);
CREATE INDEX audit_event_actor ON audit_event (actor_subject);
CREATE INDEX audit_event_action ON audit_event (action);
