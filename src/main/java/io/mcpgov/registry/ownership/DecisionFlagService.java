package io.mcpgov.registry.ownership;

import io.mcpgov.registry.decision.DecisionFlag;
import io.mcpgov.registry.decision.DecisionFlags;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The queue of decisions to take again after offboardings. A reviewer resolves a flag once the new decision is
 * taken: confirming that the decision still holds (with the reason), or after revoking or rejecting it.
 */
@ApplicationScoped
public class DecisionFlagService {

    private static final int MAX_REASON = 2000;

    private final DecisionFlags flags;
    private final AuditLog audit;
    private final Caller caller;

    DecisionFlagService(DecisionFlags flags, AuditLog audit, Caller caller) {
        this.flags = flags;
        this.audit = audit;
        this.caller = caller;
    }

    public List<FlagView> search(Boolean open, String targetType, String subject, long afterId, int limit) {
        return flags.search(open, targetType, subject, afterId, limit).stream().map(FlagView::of).toList();
    }

    @Transactional
    public FlagView resolve(long id, String reasonText) {
        String reason = OffboardingService.required(reasonText, "/reason", MAX_REASON);
        DecisionFlag flag = flags.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Flag not found."));
        if (!flag.open()) {
            throw ProblemException.conflict("The flag is already resolved.",
                    new Violation("flag-resolved", "", "Resolved by " + flag.resolvedBy + "."));
        }
        FlagView before = FlagView.of(flag);
        flag.resolvedBy = caller.subject();
        flag.resolvedAt = Times.now();
        flag.resolution = reason;
        FlagView after = FlagView.of(flag);
        audit.record("decision.flag-resolved", flag.targetType, flag.targetId, before, after);
        return after;
    }
}
