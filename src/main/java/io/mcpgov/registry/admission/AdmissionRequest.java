package io.mcpgov.registry.admission;

import io.mcpgov.registry.decision.Decision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A version waiting for (or given) a reviewer's admission, with what it adds and its changes field by field. The
 * decision's columns are {@link Decision}'s; {@code requestedBy} is the version's publisher.
 */
@Entity
@Table(name = "admission_request")
public class AdmissionRequest extends Decision {

    @Column(name = "server_version_id", nullable = false)
    public Long serverVersionId;

    @Column(nullable = false)
    public String version;

    @Column(name = "baseline_version")
    public String baselineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String widening;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String diff;
}
