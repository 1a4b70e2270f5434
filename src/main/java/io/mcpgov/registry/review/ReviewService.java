package io.mcpgov.registry.review;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.ownership.OffboardedSubjects;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.HiddenEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access review campaigns: a reviewer or admin starts one with a due date; it asks the accountable owner of every
 * server (its latest version) to re-attest that its scopes, tools and exceptions are still needed. Owners attest or
 * flag changes with a note until the campaign is closed; pending items past the due date are overdue.
 */
@ApplicationScoped
public class ReviewService {

    static final String ATTESTED = "attested";
    static final String CHANGES_NEEDED = "changes-needed";
    private static final int MAX_NAME = 200;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_DUE_DAYS = 366;

    private final EntityManager em;
    private final ReviewQueries queries;
    private final OffboardedSubjects offboarded;
    private final AuditLog audit;
    private final Caller caller;
    private final HiddenEntries entries;

    ReviewService(EntityManager em, ReviewQueries queries, OffboardedSubjects offboarded, AuditLog audit, Caller caller,
            HiddenEntries entries) {
        this.entries = entries;
        this.em = em;
        this.queries = queries;
        this.offboarded = offboarded;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public CampaignView create(CampaignRequest body) {
        Instant now = Times.now();
        List<Violation> errors = new ArrayList<>();
        String name = body == null ? null : blankToNull(body.name());
        if (name == null || name.length() > MAX_NAME) {
            errors.add(new Violation("required", "/name", "name is required (at most " + MAX_NAME + " characters)"));
        }
        Instant due = body == null || body.dueAt() == null ? null : body.dueAt().toInstant();
        if (due == null) {
            errors.add(new Violation("required", "/dueAt", "dueAt (RFC 3339) is required"));
        } else if (!due.isAfter(now)) {
            errors.add(new Violation("due-in-past", "/dueAt", "dueAt must be in the future"));
        } else if (due.isAfter(now.plus(Duration.ofDays(MAX_DUE_DAYS)))) {
            errors.add(new Violation("due-too-far", "/dueAt", "dueAt may be at most " + MAX_DUE_DAYS + " days ahead"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The campaign was refused.", errors);
        }
        // campaigns that overlap would otherwise both mark their items current
        em.createNativeQuery("SELECT pg_advisory_xact_lock(1635083380, 2)").getSingleResult();
        ReviewCampaign c = new ReviewCampaign();
        c.id = UUID.randomUUID();
        c.name = name;
        c.team = blankToNull(body.team());
        c.dueAt = due;
        c.state = "open";
        c.createdBy = caller.subject();
        c.createdAt = now;
        em.persist(c);
        em.flush();
        int items = queries.createItems(c.id, c.team, due);
        if (items == 0) {
            throw ProblemException.unprocessable("The campaign would review nothing.", List.of(new Violation(
                    "campaign-empty", c.team == null ? "" : "/team", "No published server is in its scope.")));
        }
        CampaignView view = view(c, true);
        audit.record("review-campaign.created", "review-campaign", c.id.toString(), null, summary(view));
        return view;
    }

    public List<CampaignView> list() {
        List<ReviewCampaign> campaigns = em.createQuery("from ReviewCampaign order by createdAt desc, id",
                ReviewCampaign.class).setMaxResults(100).getResultList();
        Map<UUID, CampaignView.Progress> progress = queries.progress(campaigns.stream().map(c -> c.id).toList());
        return campaigns.stream().map(c -> CampaignView.of(c, progress.get(c.id), null)).toList();
    }

    public CampaignView get(UUID id) {
        return view(find(id, LockModeType.NONE), true);
    }

    public List<ReviewItemView> items(UUID id, ReviewQueries.ItemFilter filter) {
        find(id, LockModeType.NONE);
        boolean all = caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR);
        return queries.items(id, filter, new ReviewQueries.Visibility(all, List.copyOf(caller.teams()), caller.subject()));
    }

    @Transactional
    public ReviewItemView answer(UUID id, String serverName, String state, ReviewAnswer body) {
        String note = body == null ? null : blankToNull(body.note());
        if ((note == null && CHANGES_NEEDED.equals(state)) || (note != null && note.length() > MAX_NOTE)) {
            throw ProblemException.badRequest("A note is required to flag changes.", new Violation("note-required",
                    "/note", "note is required when flagging changes (at most " + MAX_NOTE + " characters)"));
        }
        // answers share the campaign; closing takes it exclusively
        ReviewCampaign campaign = find(id, LockModeType.PESSIMISTIC_READ);
        ReviewItemView before = queries.item(id, serverName).orElseThrow(ReviewService::notReviewed);
        if (!caller.subject().equals(before.accountableOwner()) || offboarded.isOffboarded(caller.subject())) {
            throw entries.refusal(serverName, null, new ProblemException(403, "Forbidden", "Only the server's"
                    + " accountable owner answers its review.", List.of(new Violation("not-accountable-owner", "",
                    "You are not accountable for this server."))), ReviewService::notReviewed);
        }
        if (!campaign.open()) {
            throw ProblemException.conflict("The campaign is closed.",
                    new Violation("campaign-closed", "", "Closed at " + campaign.closedAt + "."));
        }
        queries.answer(id, serverName, state, note, caller.subject(), Times.now());
        ReviewItemView after = queries.item(id, serverName).orElseThrow();
        audit.record(ATTESTED.equals(state) ? "review-item.attested" : "review-item.changes-flagged", "review-item",
                id + "/" + serverName, answerState(before), answerState(after));
        return after;
    }

    @Transactional
    public CampaignView close(UUID id) {
        ReviewCampaign c = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!c.open()) {
            throw ProblemException.conflict("The campaign is already closed.",
                    new Violation("campaign-closed", "", "Closed at " + c.closedAt + "."));
        }
        Map<String, Object> before = summary(view(c, false));
        c.state = "closed";
        c.closedBy = caller.subject();
        c.closedAt = Times.now();
        CampaignView view = view(c, true);
        audit.record("review-campaign.closed", "review-campaign", id.toString(), before, summary(view));
        return view;
    }

    private static ProblemException notReviewed() {
        return ProblemException.notFound("The campaign does not review this server.");
    }

    private ReviewCampaign find(UUID id, LockModeType lock) {
        ReviewCampaign c = em.find(ReviewCampaign.class, id, lock);
        if (c == null) {
            throw ProblemException.notFound("Campaign not found.");
        }
        return c;
    }

    private CampaignView view(ReviewCampaign c, boolean withOwners) {
        return CampaignView.of(c, queries.progress(List.of(c.id)).get(c.id),
                withOwners ? queries.ownerProgress(c.id) : null);
    }

    /** What the audit trail keeps of a campaign: no per-owner breakdown. */
    private static Map<String, Object> summary(CampaignView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", v.name());
        s.put("team", v.team());
        s.put("state", v.state());
        s.put("dueAt", v.dueAt());
        s.put("progress", v.progress());
        return s;
    }

    /** The answer part of an item (the facts are kept in after, as attested). */
    private static Map<String, Object> answerState(ReviewItemView item) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", item.state());
        s.put("note", item.note());
        s.put("accountableOwner", item.accountableOwner());
        if (!"pending".equals(item.state())) {
            s.put("attestedVersion", item.attestedVersion());
            s.put("facts", item.facts());
        }
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
