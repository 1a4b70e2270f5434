package io.mcpgov.registry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded change: who, what, when, on what, before and after. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_client_id")
    public String actorClientId;

    /** Registry roles the actor held, comma-separated. */
    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String after;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "source_address")
    public String sourceAddress;
}
