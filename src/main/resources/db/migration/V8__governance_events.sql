-- Governance events: an outbox written in the same transaction as each change, webhook subscriptions and their
-- deliveries, and the listing state last announced for each version.
CREATE TABLE governance_event (
    id          bigserial PRIMARY KEY,
    event_id    uuid NOT NULL UNIQUE,
    type        text NOT NULL,
    subject     text,
    namespace   text,
    occurred_at timestamptz NOT NULL,
    data        jsonb NOT NULL
);
CREATE INDEX governance_event_type ON governance_event (type, id);

CREATE TABLE webhook_subscription (
    id          uuid PRIMARY KEY,
    url         text NOT NULL,
    secret      text NOT NULL,
    types       text[] NOT NULL,
    namespaces  text[] NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    active      boolean NOT NULL
);

CREATE TABLE webhook_delivery (
    subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        bigint NOT NULL REFERENCES governance_event (id),
    subject         text,
    state           text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    PRIMARY KEY (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_order ON webhook_delivery (subscription_id, subject, event_id) WHERE state = 'pending';

CREATE TABLE listing_state (
    server_version_id bigint PRIMARY KEY REFERENCES server_version (id),
    listed            boolean NOT NULL,
    reasons           text NOT NULL
);

ALTER TABLE api_key_exception ADD COLUMN end_announced boolean NOT NULL DEFAULT false;
CREATE INDEX api_key_exception_unannounced_end ON api_key_exception (expires_at)
    WHERE state = 'approved' AND NOT end_announced;
