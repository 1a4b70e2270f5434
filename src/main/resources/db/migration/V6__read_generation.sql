-- A counter that moves with every change agents could see. Every change writes an audit event in its own transaction,
-- so the audit trail drives it: the row is updated (and locked) in the same transaction, which makes the counter's
-- order the commit order. Discovery caches on every instance compare against it before they answer.
CREATE TABLE registry_generation (
    id         integer PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL
);
INSERT INTO registry_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION bump_registry_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE registry_generation SET generation = generation + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER audit_event_bumps_generation AFTER INSERT ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

-- the next moment an approved exception ends: cached answers are not served past it
CREATE INDEX api_key_exception_approved_end ON api_key_exception (expires_at) WHERE state = 'approved';
