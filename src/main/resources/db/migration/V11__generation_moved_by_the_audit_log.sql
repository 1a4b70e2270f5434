-- The change counter is now moved by the registry itself, just before a transaction that changed what agents may
-- reach commits, right after it appends that transaction's audit events (always in that order, so the chain's lock
-- and the counter's row lock are never taken the other way round).
DROP TRIGGER audit_event_bumps_generation ON audit_event;
DROP FUNCTION bump_registry_generation();
