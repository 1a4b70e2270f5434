-- Refused write attempts are audited but change nothing agents see: they no longer move the change counter, so a
-- flood of refused requests cannot empty the discovery caches.
DROP TRIGGER audit_event_bumps_generation ON audit_event;

CREATE TRIGGER audit_event_bumps_generation AFTER INSERT ON audit_event
    FOR EACH ROW WHEN (NEW.action <> 'authorization.denied') EXECUTE FUNCTION bump_registry_generation();
