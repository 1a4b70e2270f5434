package io.mcpgov.registry.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.outbound.Observed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * D2 to D5: differences between the publisher's declaration and the server's own metadata. A wrong resource, issuer
 * or registration mode sends agents somewhere that does not work (FAIL); a declared scope missing from
 * scopes_supported is a WARN, because RFC 9728 lets a resource leave some scopes unadvertised.
 */
final class DriftChecks {

    private DriftChecks() {
    }

    static List<CheckResult> againstProtectedResource(DeclaredOAuth declared, ObjectNode prm) {
        List<CheckResult> results = new ArrayList<>();
        Set<String> declaredScopes = new LinkedHashSet<>(declared.scopesSupported());
        declaredScopes.addAll(declared.scopesRequired());
        if (!declaredScopes.isEmpty()) {
            List<String> advertised = JsonDocuments.strings(prm, "scopes_supported");
            if (advertised.isEmpty()) {
                results.add(Check.D2.info("declared scopes " + Observed.list(declaredScopes)
                        + " cannot be compared: the server advertises no scopes_supported"));
            } else {
                List<String> missing = declaredScopes.stream().filter(scope -> !advertised.contains(scope)).toList();
                results.add(missing.isEmpty() ? Check.D2.pass("every declared scope is advertised")
                        : Check.D2.warn("declared scopes " + Observed.list(missing) + " are not in scopes_supported "
                        + Observed.list(advertised)));
            }
        }
        if (declared.resource() != null && !declared.resource().isBlank()) {
            String published = JsonDocuments.text(prm, "resource").orElse(null);
            results.add(ResourceMatch.same(declared.resource(), published)
                    ? Check.D3.pass("declared resource matches")
                    : Check.D3.fail("declared resource " + Observed.url(declared.resource()) + ", server publishes "
                    + Observed.url(published)));
        }
        if (!declared.authorizationServers().isEmpty()) {
            List<String> listed = JsonDocuments.strings(prm, "authorization_servers");
            List<String> missing = declared.authorizationServers().stream()
                    .filter(issuer -> listed.stream().noneMatch(entry -> ResourceMatch.same(entry, issuer))).toList();
            results.add(missing.isEmpty() ? Check.D4.pass("every declared authorization server is listed")
                    : Check.D4.fail("declared authorization servers " + Observed.list(missing)
                    + " are not in authorization_servers " + Observed.list(listed)));
        }
        return results;
    }

    static CheckResult againstAuthorizationServer(RegistrationMode declaredMode, ObjectNode metadata, String issuer) {
        boolean offered = switch (declaredMode) {
            case CIMD -> metadata.path("client_id_metadata_document_supported").asBoolean(false);
            case DCR -> JsonDocuments.text(metadata, "registration_endpoint").isPresent();
            case MANUAL -> true;
        };
        String seen = "declared registration " + declaredMode.id() + "; " + Observed.url(issuer) + " offers "
                + AuthorizationServerChecks.registrationMode(metadata).id();
        return offered ? Check.D5.pass(seen) : Check.D5.fail(seen);
    }
}
