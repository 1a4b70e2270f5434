package io.mcpgov.registry.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replaces the token's raw roles with the registry's roles (so an IdP value that is not configured grants nothing)
 * and reads the caller's teams from the configured claim.
 */
@ApplicationScoped
public class RegistryIdentityAugmentor implements SecurityIdentityAugmentor {

    public static final String TEAMS_ATTRIBUTE = "registry.teams";

    private final SecurityConfig config;

    RegistryIdentityAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> tokenRoles = identity.getRoles();
        Set<String> registryRoles = new LinkedHashSet<>();
        grant(registryRoles, Roles.AGENT, config.roles().agent(), tokenRoles);
        grant(registryRoles, Roles.PUBLISHER, config.roles().publisher(), tokenRoles);
        grant(registryRoles, Roles.REVIEWER, config.roles().reviewer(), tokenRoles);
        grant(registryRoles, Roles.ADMIN, config.roles().admin(), tokenRoles);
        grant(registryRoles, Roles.AUDITOR, config.roles().auditor(), tokenRoles);

        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .setAnonymous(false)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(registryRoles)
                .addAttribute(TEAMS_ATTRIBUTE, Set.copyOf(teams(identity)));
        return Uni.createFrom().item(builder.build());
    }

    private static void grant(Set<String> granted, String role, List<String> values, Set<String> tokenRoles) {
        for (String value : values) {
            if (tokenRoles.contains(value)) {
                granted.add(role);
                return;
            }
        }
    }

    private Set<String> teams(SecurityIdentity identity) {
        Set<String> teams = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = ClaimPath.read(jwt, config.teamClaim());
            for (String team : ClaimPath.strings(value)) {
                String name = team.startsWith("/") ? team.substring(1) : team;
                if (!name.isBlank()) {
                    teams.add(name);
                }
            }
        }
        return teams;
    }
}
