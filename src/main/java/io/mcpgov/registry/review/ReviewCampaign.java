package io.mcpgov.registry.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An access review: every accountable owner re-attests each of their servers by the due date. */
@Entity
@Table(name = "review_campaign")
public class ReviewCampaign {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** Only this owning team's servers; null: every server. */
    @Column
    public String team;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** open or closed (no more answers). */
    @Column(nullable = false)
    public String state;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean open() {
        return "open".equals(state);
    }
}
