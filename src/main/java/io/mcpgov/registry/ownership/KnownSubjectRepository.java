package io.mcpgov.registry.ownership;

import io.mcpgov.registry.audit.ActorActed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Who the registry has seen act, with the teams their token carried. The registry has no directory of teams: it
 * learns membership from the tokens of people who change something, and trusts it for a while
 * ({@code registry.ownership.known-subject-max-age-days}).
 */
@ApplicationScoped
public class KnownSubjectRepository {

    private static final Duration REFRESH = Duration.ofHours(1);

    private final EntityManager em;
    private final Duration maxAge;
    private final Map<String, Seen> written = new ConcurrentHashMap<>();

    KnownSubjectRepository(EntityManager em, OwnershipConfig settings) {
        this.em = em;
        this.maxAge = Duration.ofDays(settings.knownSubjectMaxAgeDays());
    }

    /**
     * Records the actor of every audited change (in its transaction); skips the write when nothing is new. What this
     * instance wrote lately is remembered, so that a busy publisher's changes do not all queue on their row's lock.
     */
    void seen(@Observes ActorActed acted) {
        Seen last = written.get(acted.subject());
        Set<String> seenTeams = Set.copyOf(acted.teams());
        if (last != null && last.teams().equals(seenTeams) && last.at().isAfter(acted.at().minus(REFRESH))) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO known_subject (subject, teams, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (subject) DO UPDATE SET teams = EXCLUDED.teams, last_seen_at = EXCLUDED.last_seen_at
                    WHERE known_subject.teams IS DISTINCT FROM EXCLUDED.teams
                       OR known_subject.last_seen_at < EXCLUDED.last_seen_at - interval '1 hour'""")) {
                Array teams = c.createArrayOf("text", acted.teams().stream().sorted().toArray());
                ps.setString(1, acted.subject());
                ps.setArray(2, teams);
                ps.setObject(3, acted.at().atOffset(ZoneOffset.UTC));
                ps.setObject(4, acted.at().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        });
        written.put(acted.subject(), new Seen(seenTeams, acted.at()));
    }

    private record Seen(Set<String> teams, Instant at) {
    }

    /** The teams {@code subject}'s token carried when last seen, if that was recent enough. */
    public Optional<Set<String>> recentTeams(String subject, Instant now) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT teams FROM known_subject WHERE subject = ? AND last_seen_at >= ?")) {
                ps.setString(1, subject);
                ps.setObject(2, now.minus(maxAge).atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Set.of((String[]) rs.getArray(1).getArray())) : Optional.empty();
                }
            }
        });
    }
}
