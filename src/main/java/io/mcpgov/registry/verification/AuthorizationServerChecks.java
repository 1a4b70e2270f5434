package io.mcpgov.registry.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.outbound.Observed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Checks A4 to A12 on authorization server metadata whose issuer passed A3, and what the summary needs from it. */
final class AuthorizationServerChecks {

    /** What the summary and the drift checks need from one authorization server's metadata. */
    record Facts(String issuer, AsMetadataSource source, RegistrationMode registration, boolean pkceS256) {
    }

    private AuthorizationServerChecks() {
    }

    static List<CheckResult> evaluate(ObjectNode metadata, String issuer, String resource, UrlRules rules) {
        List<CheckResult> results = new ArrayList<>();
        String who = Observed.url(issuer) + ": ";
        results.add(requiredMembers(metadata, who));
        results.add(endpointsAreHttps(metadata, who, rules));
        results.add(pkce(metadata, who));
        results.add(registration(metadata, who));
        results.add(metadata.path("authorization_response_iss_parameter_supported").asBoolean(false)
                ? Check.A9.pass(who + "authorization_response_iss_parameter_supported is true")
                : Check.A9.warn(who + "authorization_response_iss_parameter_supported is not true"));
        if (metadata.has("protected_resources") && resource != null) {
            List<String> listed = JsonDocuments.strings(metadata, "protected_resources");
            boolean found = listed.stream().anyMatch(entry -> ResourceMatch.same(entry, resource));
            results.add(found ? Check.A12.pass(who + "protected_resources lists this resource")
                    : Check.A12.info(who + "protected_resources " + Observed.list(listed) + " does not list "
                    + Observed.url(resource)));
        }
        return results;
    }

    static Facts facts(ObjectNode metadata, String issuer, AsMetadataSource source) {
        return new Facts(issuer, source, registrationMode(metadata), hasS256(metadata));
    }

    static RegistrationMode registrationMode(ObjectNode metadata) {
        if (metadata.path("client_id_metadata_document_supported").asBoolean(false)) {
            return RegistrationMode.CIMD;
        }
        if (JsonDocuments.text(metadata, "registration_endpoint").isPresent()) {
            return RegistrationMode.DCR;
        }
        return RegistrationMode.MANUAL;
    }

    private static boolean hasS256(ObjectNode metadata) {
        return JsonDocuments.strings(metadata, "code_challenge_methods_supported").contains("S256");
    }

    private static CheckResult requiredMembers(ObjectNode metadata, String who) {
        List<String> missing = new ArrayList<>();
        if (JsonDocuments.text(metadata, "authorization_endpoint").isEmpty()) {
            missing.add("authorization_endpoint");
        }
        if (JsonDocuments.text(metadata, "token_endpoint").isEmpty()) {
            missing.add("token_endpoint");
        }
        if (!JsonDocuments.strings(metadata, "response_types_supported").contains("code")) {
            missing.add("response_types_supported with code");
        }
        return missing.isEmpty() ? Check.A4.pass(who + "authorization and token endpoints, response type code")
                : Check.A4.fail(who + "missing " + String.join(", ", missing));
    }

    private static CheckResult endpointsAreHttps(ObjectNode metadata, String who, UrlRules rules) {
        List<String> insecure = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean endpoint = field.getKey().endsWith("_endpoint") || field.getKey().equals("jwks_uri");
            if (endpoint && field.getValue().isTextual() && rules.httpsProblem(field.getValue().asText()) != null) {
                insecure.add(field.getKey() + " " + Observed.url(field.getValue().asText()));
            }
        }
        return insecure.isEmpty() ? Check.A5.pass(who + "every endpoint is https")
                : Check.A5.fail(who + "not https: " + String.join(", ", insecure));
    }

    private static CheckResult pkce(ObjectNode metadata, String who) {
        if (!metadata.has("code_challenge_methods_supported")) {
            return Check.A6.fail(who + "code_challenge_methods_supported is missing; clients must refuse to continue");
        }
        List<String> methods = JsonDocuments.strings(metadata, "code_challenge_methods_supported");
        return methods.contains("S256") ? Check.A6.pass(who + "code_challenge_methods_supported " + Observed.list(methods))
                : Check.A6.fail(who + "code_challenge_methods_supported " + Observed.list(methods) + " lacks S256");
    }

    private static CheckResult registration(ObjectNode metadata, String who) {
        return switch (registrationMode(metadata)) {
            case CIMD -> Check.A7.pass(who + "client ID metadata documents supported");
            case DCR -> Check.A7.result(CheckLevel.WARN, Revisions.R2026_07_28, who + "dynamic client registration"
                    + " only: client ID metadata documents are recommended, dynamic registration is deprecated");
            case MANUAL -> Check.A7.info(who + "no registration path advertised: clients must be pre-registered");
        };
    }
}
