package io.mcpgov.registry.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.outbound.Observed;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks P4 to P14 on a protected resource metadata document (RFC 9728) that passed P3. */
final class ProtectedResourceChecks {

    private static final Set<String> OMNIBUS_SCOPES = Set.of("*", "all", "full-access", "admin");

    private ProtectedResourceChecks() {
    }

    static List<CheckResult> evaluate(ObjectNode prm, String endpointUrl, UrlRules rules) {
        List<CheckResult> results = new ArrayList<>();
        Optional<String> resource = JsonDocuments.text(prm, "resource").filter(value -> !value.isBlank());
        if (resource.isEmpty()) {
            results.add(Check.P4.fail("resource is missing or not a string"));
        } else {
            results.add(Check.P4.pass("resource " + Observed.url(resource.get())));
            results.add(resourceForm(resource.get(), rules));
            results.add(resourceMatchesEndpoint(resource.get(), endpointUrl));
        }
        List<String> issuers = JsonDocuments.strings(prm, "authorization_servers");
        if (issuers.isEmpty()) {
            results.add(Check.P7.fail("authorization_servers is missing or empty"));
        } else {
            results.add(Check.P7.pass("authorization_servers " + Observed.list(issuers)));
            results.add(issuerForms(issuers, prm.get("authorization_servers").size(), rules));
        }
        bearerMethods(prm).ifPresent(results::add);
        results.addAll(scopes(prm));
        results.add(noEmptyParameters(prm));
        JsonNode jwks = prm.get("jwks_uri");
        if (jwks != null && !jwks.isNull()) {
            String problem = jwks.isTextual() ? rules.httpsProblem(jwks.asText()) : "not a string";
            results.add(problem == null ? Check.P14.pass("jwks_uri " + Observed.url(jwks.asText()))
                    : Check.P14.fail("jwks_uri " + Observed.text(jwks) + ": " + problem));
        }
        return results;
    }

    /** The https issuers without query or fragment, the only ones worth fetching metadata for. */
    static List<String> usableIssuers(ObjectNode prm, UrlRules rules) {
        return JsonDocuments.strings(prm, "authorization_servers").stream()
                .filter(issuer -> issuerProblem(issuer, rules) == null).distinct().toList();
    }

    private static CheckResult resourceForm(String resource, UrlRules rules) {
        String problem = rules.httpsProblem(resource);
        if (problem != null) {
            return Check.P5.fail("resource " + Observed.url(resource) + " is " + problem);
        }
        URI uri = UrlRules.parse(resource);
        if (uri.getRawFragment() != null) {
            return Check.P5.fail("resource " + Observed.url(resource) + " has a fragment");
        }
        if (uri.getRawQuery() != null) {
            return Check.P5.warn("resource " + Observed.url(resource) + " has a query");
        }
        return Check.P5.pass("resource is " + (rules.isDevelopmentHttp(resource)
                ? "http on loopback (development switch)" : "https") + " with no query or fragment");
    }

    private static CheckResult resourceMatchesEndpoint(String resource, String endpointUrl) {
        String seen = "resource " + Observed.url(resource) + ", endpoint " + Observed.url(endpointUrl);
        return switch (ResourceMatch.of(resource, endpointUrl)) {
            case IDENTICAL -> Check.P6.pass(seen + ": identical");
            case EQUIVALENT -> Check.P6.pass(seen + ": equal after URL normalisation");
            case PATH_PREFIX -> Check.P6.warn(seen + ": same origin and a path prefix, not identical");
            case DIFFERENT -> Check.P6.fail(seen + ": a different resource; clients must not use this metadata");
        };
    }

    private static CheckResult issuerForms(List<String> issuers, int members, UrlRules rules) {
        List<String> problems = new ArrayList<>();
        if (issuers.size() != members) {
            problems.add("non-string entries");
        }
        for (String issuer : issuers) {
            String problem = issuerProblem(issuer, rules);
            if (problem != null) {
                problems.add(Observed.url(issuer) + " " + problem);
            }
        }
        return problems.isEmpty() ? Check.P8.pass("every issuer is an https URL with no query or fragment")
                : Check.P8.fail(String.join("; ", problems));
    }

    private static String issuerProblem(String issuer, UrlRules rules) {
        String problem = rules.httpsProblem(issuer);
        if (problem != null) {
            return "is " + problem;
        }
        URI uri = UrlRules.parse(issuer);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a query or fragment";
        }
        return null;
    }

    private static Optional<CheckResult> bearerMethods(ObjectNode prm) {
        if (!prm.has("bearer_methods_supported") || !prm.get("bearer_methods_supported").isArray()) {
            return Optional.empty();
        }
        List<String> methods = JsonDocuments.strings(prm, "bearer_methods_supported");
        String seen = "bearer_methods_supported " + Observed.list(methods);
        if (methods.contains("query")) {
            return Optional.of(Check.P9.warn(seen + ": tokens in the query string leak into logs"));
        }
        if (!methods.contains("header")) {
            return Optional.of(Check.P9.warn(seen + ": no header method"));
        }
        return Optional.of(Check.P9.pass(seen));
    }

    private static List<CheckResult> scopes(ObjectNode prm) {
        List<String> scopes = JsonDocuments.strings(prm, "scopes_supported");
        if (scopes.isEmpty()) {
            return List.of(Check.P10.warn("scopes_supported is missing"));
        }
        List<CheckResult> results = new ArrayList<>();
        results.add(Check.P10.pass("scopes_supported " + Observed.list(scopes)));
        results.add(scopes.contains("offline_access")
                ? Check.P11.warn("scopes_supported lists offline_access")
                : Check.P11.pass("no offline_access"));
        List<String> omnibus = scopes.stream().filter(OMNIBUS_SCOPES::contains).toList();
        results.add(omnibus.isEmpty() ? Check.P12.pass("no omnibus scopes")
                : Check.P12.info("omnibus scopes " + Observed.list(omnibus)));
        return results;
    }

    private static CheckResult noEmptyParameters(ObjectNode prm) {
        List<String> empty = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = prm.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isArray() && value.isEmpty())) {
                empty.add(field.getKey());
            }
        }
        return empty.isEmpty() ? Check.P13.pass("no null or empty-array parameters")
                : Check.P13.fail("null or empty-array parameters " + Observed.list(empty) + " must be omitted");
    }
}
