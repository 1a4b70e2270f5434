package io.mcpgov.registry.admission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A version waiting for (or given) a reviewer's admission, with what it adds and its changes field by field. */
@Entity
@Table(name = "admission_request")
public class AdmissionRequest {

    @Id
    public UUID id;

    @Column(name = "server_version_id", nullable = false)
    public Long serverVersionId;

    @Column(name = "server_name", nullable = false)
    public String serverName;

    @Column(nullable = false)
    public String version;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(name = "baseline_version")
    public String baselineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String widening;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String diff;

    @Column(nullable = false)
    public String state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;
}
