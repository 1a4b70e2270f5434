package io.mcpgov.registry.server;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of one server: the server.json as published, and what the registry keeps beside it. */
@Entity
@Table(name = "server_version")
public class ServerVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_message")
    public String statusMessage;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "is_latest", nullable = false)
    public boolean latest;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    /** The server's owner, shared by all its versions (inherited at publish, changed by a transfer). */
    @Column(name = "accountable_owner", nullable = false)
    public String accountableOwner;

    /** Who published (or imported) this version: the caller's subject, never changed afterwards. */
    @Column(name = "published_by", nullable = false, updatable = false)
    public String publishedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    @Column(name = "document_text", nullable = false)
    public String documentText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "auth_profile", nullable = false, columnDefinition = "jsonb")
    public String authProfile;

    @Column(name = "has_oauth", nullable = false)
    public boolean hasOauth;

    @Column(name = "has_remote_api_key", nullable = false)
    public boolean hasRemoteApiKey;

    @Column(name = "has_package_secret", nullable = false)
    public boolean hasPackageSecret;

    @Column(name = "has_public_remote", nullable = false)
    public boolean hasPublicRemote;

    /**
     * The server's operational contact, shared by all its versions: written with a new row, changed afterwards for
     * every version at once in SQL, never by saving an entity.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", updatable = false)
    public String contact;

    /** Compact verification view shown to agents; null until the first check. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String verification;

    /** Aggregate over the remotes that declare OAuth: unverified, verified, failed, unreachable, not-applicable. */
    @Column(name = "oauth_verification", nullable = false)
    public String oauthVerification = "not-applicable";

    @Column(name = "verification_due_at")
    public Instant verificationDueAt;

    /**
     * The revision of the secret scan the version was last scanned with; a version stored after passing the scan
     * carries the revision that passed it. What a later scan found is written in SQL only ({@code secret_findings}).
     */
    @Column(name = "secrets_scanned_with", nullable = false)
    public int secretsScannedWith;

    /** admitted, or pending or rejected by admission review; only admitted versions are listed or latest. */
    @Column(nullable = false)
    public String admission = "admitted";

    public boolean admitted() {
        return "admitted".equals(admission);
    }

    public boolean deleted() {
        return ServerStatus.DELETED.wire().equals(status);
    }
}
