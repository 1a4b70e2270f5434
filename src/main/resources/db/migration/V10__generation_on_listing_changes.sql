-- Background re-verification that does not change what agents may reach (an unverified claim found unreachable, a
-- check repeated) no longer empties every discovery cache; when it does change a listing, the registry moves the
-- counter itself, in the same transaction (see ListingReconciler). Cached answers also have a maximum age
-- (registry.read-cache.max-age) that bounds how old such details can be.
DROP TRIGGER audit_event_bumps_generation ON audit_event;

CREATE TRIGGER audit_event_bumps_generation AFTER INSERT ON audit_event
    FOR EACH ROW WHEN (NEW.action NOT IN ('authorization.denied', 'verification.changed'))
    EXECUTE FUNCTION bump_registry_generation();
