package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.Observed;

/**
 * The checks this verifier applies: the E, P and A rules of the verification spec (sections 1 to 3) and the D drift
 * rules between what the publisher declared and what the server shows. {@code revision} is where the rule, at its
 * FAIL or WARN level, comes from; a few results carry another revision (for example a rule only 2025-06-18 clients
 * depend on) and say so in their own {@link CheckResult#specRevision()}.
 */
public enum Check {
    E1(Revisions.R2025_06_18, "the MCP endpoint is https"),
    E2(Revisions.R2025_06_18, "a request without a token gets 401 when the server is protected"),
    E3(Revisions.R2025_11_25, "the 401 carries WWW-Authenticate: Bearer with resource_metadata, or the protected"
            + " resource metadata is at a well-known URL (2025-06-18 required the header)"),
    E4(Revisions.R2025_11_25, "the Bearer challenge carries scope"),
    E6(Revisions.R2025_06_18, "a request with Authorization: Bearer invalid gets 401, never 2xx or 5xx"),
    P3(Revisions.R2025_06_18, "protected resource metadata answers 200 with an application/json object"),
    P4(Revisions.R2025_06_18, "resource is present"),
    P5(Revisions.R2025_06_18, "resource is https with no fragment (and should have no query)"),
    P6(Revisions.R2025_06_18, "resource is identical to the MCP endpoint URL (RFC 9728 section 3.3)"),
    P7(Revisions.R2025_06_18, "authorization_servers is present and not empty"),
    P8(Revisions.R2025_06_18, "every authorization server is an https issuer with no query or fragment"),
    P9(Revisions.R2025_06_18, "bearer_methods_supported, if present, has header and not query"),
    P10(Revisions.R2025_06_18, "scopes_supported is present (recommended)"),
    P11(Revisions.R2026_07_28, "scopes_supported has no offline_access"),
    P12(Revisions.R2025_06_18, "no omnibus scopes (*, all, full-access, admin)"),
    P13(Revisions.R2025_06_18, "no parameter is null or an empty array"),
    P14(Revisions.R2025_06_18, "jwks_uri, if present, is https"),
    A1(Revisions.R2025_11_25, "authorization server metadata found in the discovery order (RFC 8414 first, then"
            + " OpenID Connect discovery, which 2025-06-18 clients do not try)"),
    A2(Revisions.R2025_06_18, "authorization server metadata answers 200 with a JSON object"),
    A3(Revisions.R2025_06_18, "issuer is identical to the issuer the metadata URL was built from"),
    A4(Revisions.R2025_06_18, "authorization_endpoint, token_endpoint, response_types_supported with code"),
    A5(Revisions.R2025_06_18, "every endpoint is https"),
    A6(Revisions.R2025_11_25, "code_challenge_methods_supported contains S256"),
    A7(Revisions.R2025_11_25, "a client registration path: client ID metadata documents (should), dynamic client"
            + " registration (deprecated in 2026-07-28) or pre-registration by hand"),
    A9(Revisions.R2026_07_28, "authorization_response_iss_parameter_supported is true"),
    A12(Revisions.R2025_06_18, "protected_resources, if listed, contains this resource"),
    D1(Revisions.REGISTRY, "OAuth is declared and the server does not answer 2xx without a token"),
    D2(Revisions.REGISTRY, "declared scopes appear in scopes_supported"),
    D3(Revisions.REGISTRY, "the declared resource is the resource the server publishes"),
    D4(Revisions.REGISTRY, "every declared authorization server is listed by the server"),
    D5(Revisions.REGISTRY, "the declared client registration is offered by the authorization server"),
    D6(Revisions.REGISTRY, "the server's OAuth is declared");

    private final String revision;
    private final String requirement;

    Check(String revision, String requirement) {
        this.revision = revision;
        this.requirement = requirement;
    }

    public String revision() {
        return revision;
    }

    public String requirement() {
        return requirement;
    }

    CheckResult pass(String observed) {
        return result(CheckLevel.PASS, revision, observed);
    }

    CheckResult fail(String observed) {
        return result(CheckLevel.FAIL, revision, observed);
    }

    CheckResult warn(String observed) {
        return result(CheckLevel.WARN, revision, observed);
    }

    CheckResult info(String observed) {
        return result(CheckLevel.INFO, revision, observed);
    }

    CheckResult result(CheckLevel level, String specRevision, String observed) {
        return new CheckResult(name(), level, specRevision, Observed.sentence(observed));
    }
}
