-- Per-tool entitlements: the tools each server version declares, what the read path serves for them, and the
-- reviews that destructive (and flagged) tools need before agents may use them.

-- One row per declared tool of a version. definition_hash binds approvals to the tool's definition and scopes.
CREATE TABLE server_tool (
    id                bigserial PRIMARY KEY,
    server_version_id bigint NOT NULL REFERENCES server_version (id),
    server_name       text COLLATE "C" NOT NULL,
    position          integer NOT NULL,
    name              text COLLATE "C" NOT NULL,
    title             text,
    classification    text NOT NULL CHECK (classification IN ('read-only', 'write', 'destructive')),
    idempotent        boolean NOT NULL,
    open_world        boolean NOT NULL,
    scopes            jsonb NOT NULL,
    -- the declared tool object as published
    definition        jsonb NOT NULL,
    definition_hash   text NOT NULL,
    -- findings ({ruleId, message}) that put the tool in the reviewers' queue
    findings          jsonb NOT NULL,
    CONSTRAINT server_tool_version_name UNIQUE (server_version_id, name)
);

CREATE INDEX server_tool_definition ON server_tool (server_name, name, definition_hash);

-- One row per version that was published with this feature: the agent view of its tools (static part), and how
-- they changed against the version before. Read with one primary-key lookup per entry.
CREATE TABLE tool_set (
    server_version_id bigint PRIMARY KEY REFERENCES server_version (id),
    declared          boolean NOT NULL,
    -- some tool needs a review, so its approval state is looked up when read
    has_review        boolean NOT NULL,
    tools             jsonb NOT NULL,
    previous_version  text,
    changes           jsonb
);

-- A reviewer's decision on one tool definition of one server; versions that carry the same definition share it.
CREATE TABLE tool_review (
    id                uuid PRIMARY KEY,
    server_name       text COLLATE "C" NOT NULL,
    tool_name         text COLLATE "C" NOT NULL,
    definition_hash   text NOT NULL,
    owning_team       text NOT NULL,
    classification    text NOT NULL CHECK (classification IN ('read-only', 'write', 'destructive')),
    -- destructive tools are unavailable until approved; flagged ones stay available unless rejected or revoked
    requires_approval boolean NOT NULL,
    reasons           jsonb NOT NULL,
    state             text NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'revoked')),
    first_version     text NOT NULL,
    requested_by      text NOT NULL,
    requested_at      timestamptz NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    revoked_by        text,
    revoked_at        timestamptz,
    revocation_reason text,
    CONSTRAINT tool_review_definition UNIQUE (server_name, tool_name, definition_hash)
);

CREATE INDEX tool_review_queue ON tool_review (state, requested_at);
