package io.mcpgov.registry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** An audit event as stored: its content and its place in the chain. */
public record StoredEvent(AuditRecord record, String prevHash, String hash) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, occurred_at, actor_subject, actor_client_id, actor_roles, action, target_type,"
            + " target_id, before::text, after::text, request_id, source_address, prev_hash, hash";

    static StoredEvent read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        AuditRecord record = new AuditRecord(rs.getLong(1), at == null ? null : at.toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12));
        return new StoredEvent(record, rs.getString(13), rs.getString(14));
    }
}
