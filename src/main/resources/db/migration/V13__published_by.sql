-- Who published each version. accountable_owner cannot tell: it is the server's owner, shared by all its versions
-- (a later version inherits it whoever publishes it, and a transfer changes it for every version). The four-eyes rule
-- of reviewers' decisions needs the publisher of each version.
ALTER TABLE server_version ADD COLUMN published_by text;

-- Existing versions: the subject of the version's publish or import event in the audit trail, where there is one.
-- Where there is none (an audit trail that did not keep it), the accountable owner is the best that is left: it was
-- each version's own publisher until V5, and is the publisher of every version of a server that one person
-- published; for other versions it names the owner, who is at least a party to decisions about the server.
UPDATE server_version sv SET published_by = coalesce(
    (SELECT ae.actor_subject FROM audit_event ae
     WHERE ae.target_type = 'server-version' AND ae.target_id = sv.name || '@' || sv.version
       AND ae.action IN ('server.published', 'server.imported') AND ae.actor_subject IS NOT NULL
     ORDER BY ae.id LIMIT 1),
    sv.accountable_owner);

ALTER TABLE server_version ALTER COLUMN published_by SET NOT NULL;
