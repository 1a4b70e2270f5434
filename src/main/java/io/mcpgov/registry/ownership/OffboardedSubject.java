package io.mcpgov.registry.ownership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who left. Kept for good: offboarding is never undone by deleting anything. */
@Entity
@Table(name = "offboarded_subject")
public class OffboardedSubject {

    @Id
    public String subject;

    @Column(nullable = false)
    public String reason;

    @Column(name = "offboarded_by", nullable = false)
    public String offboardedBy;

    @Column(name = "offboarded_at", nullable = false)
    public Instant offboardedAt;
}
