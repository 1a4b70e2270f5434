package io.mcpgov.registry.exception;

import io.mcpgov.registry.decision.DecisionFlags;
import io.mcpgov.registry.decision.DecisionKind;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.events.EventTypes;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * API-key exceptions in the decision workflow. Party to an exception: its requester, whoever published a version it
 * covers (covered versions include those published in its range while it waits), and the server's owner.
 */
@ApplicationScoped
class ExceptionDecisions implements DecisionKind<ExceptionEntry, ExceptionView> {

    static final String TARGET_TYPE = "exception";

    private final ExceptionRepository exceptions;
    private final ExceptionCoverage coverage;
    private final DecisionFlags flags;

    ExceptionDecisions(ExceptionRepository exceptions, ExceptionCoverage coverage, DecisionFlags flags) {
        this.exceptions = exceptions;
        this.coverage = coverage;
        this.flags = flags;
    }

    @Override
    public String targetType() {
        return TARGET_TYPE;
    }

    @Override
    public String noun() {
        return "exception";
    }

    @Override
    public PanacheRepositoryBase<ExceptionEntry, UUID> repository() {
        return exceptions;
    }

    @Override
    public String notFound() {
        return "Exception not found.";
    }

    @Override
    public String stateAt(ExceptionEntry e, Instant now) {
        return e.stateAt(now).wire();
    }

    @Override
    public ExceptionView view(ExceptionEntry e, Instant now) {
        boolean flagged = !flags.openAmong(TARGET_TYPE, List.of(e.id.toString())).isEmpty();
        return ExceptionView.of(e, now, coverage.coveredVersions(e.id), flagged);
    }

    @Override
    public List<ExceptionView> views(List<ExceptionEntry> found, Instant now) {
        Set<String> flagged = flags.openAmong(TARGET_TYPE, found.stream().map(e -> e.id.toString()).toList());
        return found.stream()
                .map(e -> ExceptionView.of(e, now, coverage.coveredVersions(e.id), flagged.contains(e.id.toString())))
                .toList();
    }

    @Override
    public List<String> publishers(ExceptionEntry e) {
        return coverage.coveredPublishers(e.id);
    }

    @Override
    public String describe(Involvement involvement) {
        return switch (involvement) {
            case REQUESTER -> "you requested this exception";
            case PUBLISHER -> "you published a version this exception covers";
            case ACCOUNTABLE_OWNER -> "you are the accountable owner of the server this exception is for";
        };
    }

    @Override
    public String eventType(String outcome) {
        return switch (ExceptionState.fromWire(outcome)) {
            case APPROVED -> EventTypes.EXCEPTION_APPROVED;
            case REJECTED -> EventTypes.EXCEPTION_REJECTED;
            case REVOKED -> EventTypes.EXCEPTION_REVOKED;
            case PENDING, EXPIRED -> throw new IllegalArgumentException("No decision makes an exception " + outcome);
        };
    }

    @Override
    public List<Long> versionIds(ExceptionEntry e) {
        return coverage.coveredVersionIds(e.id);
    }

    @Override
    public String notRevocable() {
        return "Only an approved exception that has not ended can be revoked.";
    }
}
