package io.mcpgov.registry.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: subject, client, registry roles and teams. Reading it authenticates the request's token. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /**
     * The caller with an identity already resolved, for work that continues away from the request's thread, where the
     * request-scoped bean cannot be reached.
     */
    public static Caller of(SecurityIdentity identity) {
        Caller caller = new Caller();
        caller.identity = identity;
        return caller;
    }

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /** The token's {@code sub}; the principal name when a token has none. */
    public String subject() {
        return subjectOf(identity);
    }

    /** {@link #subject()} of an identity obtained some other way (a response filter, for example). */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The OAuth client the token was issued to ({@code azp} or {@code client_id}), if the token says. */
    public String clientId() {
        return clientIdOf(identity);
    }

    /** {@link #clientId()} of an identity obtained some other way. */
    public static String clientIdOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            return clientId == null ? null : ClaimPath.strings(clientId).stream().findFirst().orElse(String.valueOf(clientId));
        }
        return null;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Registry roles, sorted. */
    public List<String> roles() {
        return List.copyOf(new TreeSet<>(identity.getRoles()));
    }

    @SuppressWarnings("unchecked")
    public Set<String> teams() {
        Object teams = identity.getAttribute(RegistryIdentityAugmentor.TEAMS_ATTRIBUTE);
        return teams instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    public boolean inTeam(String team) {
        return team != null && teams().contains(team);
    }

    /** Reviewers and admins see every entry, listed or not. */
    public boolean seesAllEntries() {
        return hasAny(Roles.REVIEWER, Roles.ADMIN);
    }
}
