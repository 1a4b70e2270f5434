-- Admission review: namespaces whose new servers and widening versions wait for a reviewer before agents see them.
ALTER TABLE namespace
    ADD COLUMN admission text NOT NULL DEFAULT 'open' CHECK (admission IN ('open', 'review'));

ALTER TABLE server_version
    ADD COLUMN admission text NOT NULL DEFAULT 'admitted' CHECK (admission IN ('admitted', 'pending', 'rejected'));

CREATE TABLE admission_request (
    id                uuid PRIMARY KEY,
    server_version_id bigint NOT NULL UNIQUE REFERENCES server_version (id),
    server_name       text COLLATE "C" NOT NULL,
    version           text COLLATE "C" NOT NULL,
    owning_team       text NOT NULL,
    baseline_version  text,
    widening          jsonb NOT NULL,
    diff              jsonb NOT NULL,
    state             text NOT NULL CHECK (state IN ('pending', 'admitted', 'rejected')),
    requested_by      text NOT NULL,
    requested_at      timestamptz NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text
);

CREATE INDEX admission_request_queue ON admission_request (state, requested_at);
CREATE INDEX admission_request_server ON admission_request (server_name);
