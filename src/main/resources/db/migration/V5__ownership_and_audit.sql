-- Accountable ownership, offboarding, access reviews, and a tamper-evident, append-only audit trail.

-- ---------------------------------------------------------------------------------------------------------------
-- Audit trail: each event carries hash = SHA-256(canonical content || prev_hash) (see audit.AuditHash), appended
-- under an advisory lock so the chain cannot fork. The database refuses UPDATE, DELETE and TRUNCATE.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE audit_event ADD COLUMN prev_hash text;
ALTER TABLE audit_event ADD COLUMN hash text;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_format
    CHECK ((hash IS NULL OR hash ~ '^[0-9a-f]{64}$') AND (prev_hash IS NULL OR prev_hash ~ '^[0-9a-f]{64}$'));
-- Events written from now on must be chained; events written before this migration are sealed (hashed in id order)
-- once, at start, by audit.AuditChain (NOT VALID: the check skips the rows that exist now).
ALTER TABLE audit_event ADD CONSTRAINT audit_event_chained CHECK (hash IS NOT NULL AND prev_hash IS NOT NULL) NOT VALID;
CREATE INDEX audit_event_unsealed ON audit_event (id) WHERE hash IS NULL;
CREATE INDEX audit_event_request_id ON audit_event (request_id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- the one permitted update: sealing an event written before the chain existed, changing nothing else
        IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
                AND (to_jsonb(NEW) - 'hash' - 'prev_hash') = (to_jsonb(OLD) - 'hash' - 'prev_hash') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- ---------------------------------------------------------------------------------------------------------------
-- Ownership is per server: every version of a server carries the same accountable owner and operational contact.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE server_version ADD COLUMN contact jsonb;
CREATE INDEX server_version_accountable_owner ON server_version (accountable_owner);

-- Until now each version recorded its own publisher; the server's owner is the owner of its newest version.
UPDATE server_version sv SET accountable_owner = newest.accountable_owner
FROM (SELECT DISTINCT ON (name) name, accountable_owner FROM server_version ORDER BY name, published_at DESC, id DESC) newest
WHERE newest.name = sv.name AND sv.accountable_owner <> newest.accountable_owner;

-- Subjects the registry has seen act, with the teams their token carried then (the registry has no directory).
CREATE TABLE known_subject (
    subject       text PRIMARY KEY,
    teams         text[] NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);

-- People who left. Servers they own are orphaned (listing rule owner-offboarded) until someone takes them over.
CREATE TABLE offboarded_subject (
    subject        text PRIMARY KEY,
    reason         text NOT NULL,
    offboarded_by  text NOT NULL,
    offboarded_at  timestamptz NOT NULL
);

-- Decisions (exceptions, tool approvals, ...) that an offboarded person requested or took and that need a new one.
CREATE TABLE decision_flag (
    id           bigserial PRIMARY KEY,
    target_type  text NOT NULL,
    target_id    text NOT NULL,
    server_name  text COLLATE "C",
    subject      text NOT NULL,
    role         text NOT NULL CHECK (role IN ('requested', 'decided')),
    flagged_at   timestamptz NOT NULL,
    resolved_by  text,
    resolved_at  timestamptz,
    resolution   text,
    CONSTRAINT decision_flag_once UNIQUE (target_type, target_id, subject, role)
);

CREATE INDEX decision_flag_open ON decision_flag (target_type, target_id) WHERE resolved_at IS NULL;
CREATE INDEX decision_flag_subject ON decision_flag (subject);

-- ---------------------------------------------------------------------------------------------------------------
-- Access reviews: a campaign asks each accountable owner to re-attest each server.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE review_campaign (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    team        text,
    due_at      timestamptz NOT NULL,
    state       text NOT NULL CHECK (state IN ('open', 'closed')),
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    closed_by   text,
    closed_at   timestamptz
);

CREATE TABLE review_item (
    id                bigserial PRIMARY KEY,
    campaign_id       uuid NOT NULL REFERENCES review_campaign (id),
    server_name       text COLLATE "C" NOT NULL,
    server_version_id bigint NOT NULL REFERENCES server_version (id),
    due_at            timestamptz NOT NULL,
    -- the item of the server's most recent campaign; only it can make the server overdue
    current           boolean NOT NULL,
    state             text NOT NULL CHECK (state IN ('pending', 'attested', 'changes-needed')),
    note              text,
    responded_by      text,
    responded_at      timestamptz,
    attested_version  text,
    attested_facts    jsonb,
    CONSTRAINT review_item_once UNIQUE (campaign_id, server_name)
);

CREATE INDEX review_item_current ON review_item (server_name) WHERE current;
-- the next moment a pending review becomes overdue (read caches are not served past it)
CREATE INDEX review_item_pending_due ON review_item (due_at) WHERE current AND state = 'pending';
CREATE INDEX review_item_campaign_state ON review_item (campaign_id, state);
