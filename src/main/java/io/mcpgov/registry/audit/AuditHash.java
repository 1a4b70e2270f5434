package io.mcpgov.registry.audit;

import io.mcpgov.registry.common.CanonicalJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The tamper-evident chain's hash: {@code hash = lowercase hex SHA-256(UTF-8(canonical) || UTF-8(prevHash))}, where
 * {@code prevHash} is the previous event's hash (by id) and 64 zeros for the first event.
 *
 * <p>{@code canonical} is one JSON object, no whitespace, members sorted by key (UTF-16 code units, as RFC 8785):
 * {@code action, actorClientId, actorRoles, actorSubject, after, before, id, occurredAt, requestId, sourceAddress,
 * targetId, targetType}; absent values are {@code null}. {@code occurredAt} is UTC with exactly six fraction digits
 * ({@code 2026-01-31T09:05:03.000120Z}); {@code actorRoles} is the stored comma-separated text; {@code before} and
 * {@code after} are the stored JSON, canonicalised the same way at every depth (the database's jsonb reorders keys).
 * Strings and numbers are written in {@link CanonicalJson}'s audit form.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    public static String hash(AuditRecord record, String prevHash) {
        return CanonicalJson.sha256(canonical(record) + prevHash);
    }

    public static String canonical(AuditRecord r) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"action\":");
        CanonicalJson.writeString(r.action(), out);
        out.append(",\"actorClientId\":");
        CanonicalJson.writeString(r.actorClientId(), out);
        out.append(",\"actorRoles\":");
        CanonicalJson.writeString(r.actorRoles(), out);
        out.append(",\"actorSubject\":");
        CanonicalJson.writeString(r.actorSubject(), out);
        out.append(",\"after\":");
        CanonicalJson.write(r.after(), out);
        out.append(",\"before\":");
        CanonicalJson.write(r.before(), out);
        out.append(",\"id\":").append(r.id());
        out.append(",\"occurredAt\":");
        CanonicalJson.writeString(r.occurredAt() == null ? null : MICROS.format(r.occurredAt()), out);
        out.append(",\"requestId\":");
        CanonicalJson.writeString(r.requestId(), out);
        out.append(",\"sourceAddress\":");
        CanonicalJson.writeString(r.sourceAddress(), out);
        out.append(",\"targetId\":");
        CanonicalJson.writeString(r.targetId(), out);
        out.append(",\"targetType\":");
        CanonicalJson.writeString(r.targetType(), out);
        return out.append('}').toString();
    }

    public static String format(Instant instant) {
        return MICROS.format(instant);
    }
}
