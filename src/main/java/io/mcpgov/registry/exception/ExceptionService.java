package io.mcpgov.registry.exception;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.decision.Decisions;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.decision.PageRequest;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.server.HiddenEntries;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The exception life cycle: a publisher of the owning team requests, a reviewer who is no party to it decides, a
 * reviewer or admin may revoke ({@link Decisions}); expiry needs no action. Every change is audited in its own
 * transaction.
 */
@ApplicationScoped
public class ExceptionService {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_ROTATION_DAYS = 3650;

    private final ExceptionRepository exceptions;
    private final ExceptionCoverage coverage;
    private final ServerVersionRepository versions;
    private final AuditLog audit;
    private final Caller caller;
    private final ExceptionsConfig limits;
    private final Decisions decisions;
    private final ExceptionDecisions kind;
    private final HiddenEntries entries;

    ExceptionService(ExceptionRepository exceptions, ExceptionCoverage coverage, ServerVersionRepository versions,
            AuditLog audit, Caller caller, ExceptionsConfig config, Decisions decisions, ExceptionDecisions kind,
            HiddenEntries entries) {
        this.entries = entries;
        this.exceptions = exceptions;
        this.coverage = coverage;
        this.versions = versions;
        this.audit = audit;
        this.caller = caller;
        this.limits = config;
        this.decisions = decisions;
        this.kind = kind;
    }

    @Transactional
    public ExceptionView request(ExceptionRequest body) {
        Instant now = Times.now();
        Instant end = checkRequest(body, now);
        versions.lockServer(body.serverName());
        List<ServerVersion> all = versions.allVersions(body.serverName());
        if (all.isEmpty()) {
            throw HiddenEntries.serverNotFound();
        }
        String owningTeam = all.get(all.size() - 1).owningTeam;
        if (!caller.inTeam(owningTeam)) {
            throw entries.refusal(body.serverName(), null, new ProblemException(403, "Forbidden", "Only publishers of"
                    + " the team that owns this server may request an exception for it.", List.of(new Violation(
                    "namespace-not-owned", "/serverName", "The server is owned by another team."))));
        }
        String range = blankToNull(body.versionRange());
        List<ServerVersion> inRange = all.stream().filter(v -> VersionRange.covers(range, v.version)).toList();
        if (inRange.isEmpty()) {
            throw ProblemException.unprocessable("The range covers no published version.", List.of(
                    new Violation("exception-range-empty", "/versionRange", "No published version is in this range.")));
        }
        if (inRange.stream().noneMatch(v -> v.hasRemoteApiKey || v.hasPackageSecret)) {
            throw ProblemException.unprocessable("No exception is needed.", List.of(new Violation(
                    "exception-not-needed", "/serverName", "No version in range uses an API key.")));
        }

        ExceptionEntry e = new ExceptionEntry();
        e.id = UUID.randomUUID();
        e.serverName = body.serverName();
        e.versionRange = range;
        e.owningTeam = owningTeam;
        e.classification = body.classification();
        e.justification = body.justification().trim();
        e.rotationDays = body.compensatingControls().rotationDays();
        e.keyStorage = body.compensatingControls().keyStorage().trim();
        e.offboardingOwner = body.compensatingControls().offboardingOwner().trim();
        e.expiresAt = end;
        e.state = ExceptionState.PENDING.wire();
        e.requestedBy = caller.subject();
        e.requestedAt = now;
        exceptions.persist(e);
        exceptions.flush();
        coverage.coverExisting(e);
        ExceptionView view = kind.view(e, now);
        audit.record("exception.requested", "exception", e.id.toString(), null, view);
        return view;
    }

    @Transactional
    public ExceptionView approve(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, ExceptionState.APPROVED.wire());
    }

    @Transactional
    public ExceptionView reject(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, ExceptionState.REJECTED.wire());
    }

    @Transactional
    public ExceptionView revoke(UUID id, DecisionRequest body) {
        return decisions.revoke(kind, id, body);
    }

    public ExceptionView get(UUID id) {
        return decisions.get(kind, id);
    }

    public ExceptionPage list(ExceptionState state, String serverName, String classification, int offset, int limit) {
        Page<ExceptionView> page = decisions.list(kind,
                ExceptionFilter.of(state, serverName, classification, Times.now()), new PageRequest(offset, limit));
        return ExceptionPage.of(page);
    }

    /** How the caller is party to an exception (empty: not at all), for pages that explain who may decide it. */
    public Set<Involvement> callerInvolvement(UUID id) {
        return decisions.callerInvolvement(kind, id);
    }

    /** What an involvement in an exception means, addressed to the caller. */
    public String describe(Involvement involvement) {
        return kind.describe(involvement);
    }

    /** Checks the whole request at once; returns when the exception would end. */
    private Instant checkRequest(ExceptionRequest body, Instant now) {
        if (body == null) {
            throw ProblemException.badRequest("A JSON body is required.", new Violation("body-required", "", "empty body"));
        }
        List<Violation> errors = new ArrayList<>();
        if (blankToNull(body.serverName()) == null) {
            errors.add(new Violation("required", "/serverName", "serverName is required"));
        }
        String range = blankToNull(body.versionRange());
        if (range != null && (range.length() > 255 || !VersionRange.isValid(range))) {
            errors.add(new Violation("version-range-invalid", "/versionRange",
                    "versionRange must be a semver range such as >=1.0.0 <2.0.0, or absent for every version"));
        }
        if (blankToNull(body.justification()) == null || body.justification().length() > MAX_TEXT) {
            errors.add(new Violation("required", "/justification", "justification is required (at most " + MAX_TEXT + " characters)"));
        }
        var controls = body.compensatingControls();
        if (controls == null) {
            errors.add(new Violation("required", "/compensatingControls",
                    "compensatingControls (rotationDays, keyStorage, offboardingOwner) are required"));
        } else {
            if (controls.rotationDays() == null || controls.rotationDays() < 1 || controls.rotationDays() > MAX_ROTATION_DAYS) {
                errors.add(new Violation("required", "/compensatingControls/rotationDays",
                        "rotationDays is required, between 1 and " + MAX_ROTATION_DAYS));
            }
            if (blankToNull(controls.keyStorage()) == null || controls.keyStorage().length() > MAX_TEXT) {
                errors.add(new Violation("required", "/compensatingControls/keyStorage", "keyStorage is required"));
            }
            if (blankToNull(controls.offboardingOwner()) == null || controls.offboardingOwner().length() > MAX_TEXT) {
                errors.add(new Violation("required", "/compensatingControls/offboardingOwner", "offboardingOwner is required"));
            }
        }
        Instant end = null;
        if ("transitional".equals(body.classification())) {
            end = checkEnd(body.expiresAt(), "/expiresAt", now, limits.transitionalMaxDays(), errors);
            if (body.reviewBy() != null) {
                errors.add(new Violation("review-by-not-transitional", "/reviewBy",
                        "a transitional exception has expiresAt, not reviewBy"));
            }
        } else if ("permanent".equals(body.classification())) {
            end = checkEnd(body.reviewBy(), "/reviewBy", now, limits.permanentMaxReviewDays(), errors);
            if (body.expiresAt() != null) {
                errors.add(new Violation("expires-at-not-permanent", "/expiresAt",
                        "a permanent exception has reviewBy (its review date), not expiresAt"));
            }
        } else {
            errors.add(new Violation("classification-invalid", "/classification",
                    "classification must be transitional or permanent"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The exception request was refused.", errors);
        }
        return end;
    }

    private static Instant checkEnd(OffsetDateTime value, String path, Instant now, int maxDays, List<Violation> errors) {
        if (value == null) {
            errors.add(new Violation("required", path, path.substring(1) + " is required for this classification"));
            return null;
        }
        Instant end = value.toInstant();
        if (!end.isAfter(now)) {
            errors.add(new Violation("end-in-past", path, path.substring(1) + " must be in the future"));
        } else if (end.isAfter(now.plus(Duration.ofDays(maxDays)))) {
            errors.add(new Violation("end-too-far", path, path.substring(1) + " may be at most " + maxDays + " days ahead"));
        }
        return end;
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
