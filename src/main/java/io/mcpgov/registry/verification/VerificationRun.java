package io.mcpgov.registry.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.outbound.FetchFailure;
import io.mcpgov.registry.outbound.FetchRequest;
import io.mcpgov.registry.outbound.FetchResult;
import io.mcpgov.registry.outbound.Observed;
import io.mcpgov.registry.outbound.SafeFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One verification of one remote: the steps of {@link RemoteVerifier} and the state they share. Not thread-safe. */
final class VerificationRun {

    private static final String JSON = "application/json";

    /** What protected resource metadata discovery found. */
    private record PrmDiscovery(MetadataSource source, String url, FetchResult response, String problem) {
        boolean found() {
            return response != null;
        }
    }

    /** The first transient failure of a required step. */
    private record Incomplete(String step, FetchResult result) {
    }

    private final SafeFetcher fetcher;
    private final VerifierSettings settings;
    private final String remoteUrl;
    private final String transport;
    private final DeclaredOAuth declared;
    private final UrlRules rules;
    private final Instant checkedAt;
    private final long deadlineNanos;
    private final List<CheckResult> checks = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private Incomplete incomplete;
    private Summary summary;

    VerificationRun(SafeFetcher fetcher, VerifierSettings settings, Clock clock, String remoteUrl, String transport,
                    DeclaredOAuth declared) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.remoteUrl = remoteUrl;
        this.transport = transport;
        this.declared = declared;
        this.rules = new UrlRules(fetcher.settings().allowHttpLoopback());
        this.checkedAt = clock.instant();
        this.deadlineNanos = System.nanoTime() + settings.budget().toNanos();
    }

    RemoteVerification run() {
        String kind = transport == null ? "streamable-http" : transport.toLowerCase(Locale.ROOT);
        if (kind.equals("stdio") || remoteUrl == null || remoteUrl.isBlank()) {
            return notApplicable("stdio transport: credentials come from the environment, there is no OAuth to verify");
        }
        if (!kind.equals("streamable-http") && !kind.equals("sse")) {
            return notApplicable("unknown transport '" + Observed.text(transport) + "'");
        }
        String insecure = rules.httpsProblem(remoteUrl);
        if (insecure != null) {
            checks.add(Check.E1.fail(Observed.url(remoteUrl) + " is " + insecure + "; it was not contacted"));
            return finish();
        }
        checks.add(Check.E1.pass(rules.isDevelopmentHttp(remoteUrl) ? "http on loopback (development switch)" : "https"));

        FetchRequest mcp = mcpRequest(kind.equals("sse"));
        FetchResult first = fetch("mcp", mcp);
        if (!first.responded()) {
            incomplete = new Incomplete("MCP endpoint", first);
            return finish();
        }
        if (first.isSuccess()) {
            return publicServer(first);
        }
        Optional<Challenge> bearer = WwwAuthenticate.parse(first.headers("www-authenticate")).stream()
                .filter(Challenge::isBearer).findFirst();
        boolean signalled = first.status() == 401 || first.status() == 403 || bearer.isPresent();
        Optional<String> headerUrl = bearer.flatMap(challenge -> challenge.param("resource_metadata"));
        PrmDiscovery prm = discoverProtectedResource(headerUrl);
        if (!signalled && !prm.found() && prm.problem() == null && declared == null) {
            if (incomplete != null) {
                return finish();
            }
            checks.add(Check.E2.info("answered " + first.status() + " without a token and shows no sign of OAuth"));
            return notApplicable("answered " + first.status() + " without a token, shows no sign of OAuth and"
                    + " declares none: nothing to verify");
        }

        checks.add(unauthenticatedStatus(first.status()));
        challengeChecks(bearer, headerUrl, prm).forEach(checks::add);
        checks.add(invalidTokenCheck(mcp));
        if (declared == null) {
            checks.add(Check.D6.warn("the server requires OAuth but the entry declares none"));
        }
        if (prm.problem() != null) {
            checks.add(Check.P3.fail(prm.problem()));
        }
        if (prm.found()) {
            readProtectedResource(prm, bearer);
        }
        return finish();
    }

    private RemoteVerification publicServer(FetchResult first) {
        if (declared != null) {
            checks.add(Check.D1.fail("answered " + first.status() + " without a token although OAuth is declared"));
            return finish();
        }
        checks.add(Check.E2.info("answered " + first.status() + " without a token: a public server"));
        return notApplicable("public: answered " + first.status() + " without a token and declares no OAuth");
    }

    private FetchRequest mcpRequest(boolean sse) {
        if (sse) {
            return FetchRequest.get(remoteUrl, "text/event-stream").headersOnly();
        }
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + settings.protocolVersion() + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"mcpgov-registry"
                + "-verifier\",\"version\":\"1\"}}}";
        return FetchRequest.post(remoteUrl, Map.of("Content-Type", JSON, "Accept", "application/json, text/event-stream",
                "MCP-Protocol-Version", settings.protocolVersion()), initialize).headersOnly();
    }

    private CheckResult unauthenticatedStatus(int status) {
        if (status == 401) {
            return Check.E2.pass("401 without a token");
        }
        if (status == 403) {
            return Check.E2.warn("403 without a token; a missing token calls for 401");
        }
        return Check.E2.fail("answered " + status + " without a token; a protected server answers 401");
    }

    private List<CheckResult> challengeChecks(Optional<Challenge> bearer, Optional<String> headerUrl,
                                              PrmDiscovery prm) {
        List<CheckResult> results = new ArrayList<>();
        if (headerUrl.isPresent()) {
            results.add(Check.E3.pass("resource_metadata " + Observed.url(headerUrl.get())));
        } else {
            String challenge = bearer.isPresent() ? "the Bearer challenge has no resource_metadata"
                    : "no WWW-Authenticate: Bearer challenge";
            if (prm.found()) {
                results.add(Check.E3.result(CheckLevel.WARN, Revisions.R2025_06_18, challenge + "; metadata found at the "
                        + prm.source().id() + " well-known URL (enough from 2025-11-25; 2025-06-18 clients need the"
                        + " header)"));
            } else if (incomplete == null) {
                results.add(Check.E3.fail(challenge + " and no protected resource metadata at the well-known URLs"));
            }
        }
        Optional<String> scope = bearer.flatMap(challenge -> challenge.param("scope"));
        results.add(scope.isPresent() ? Check.E4.pass("scope=\"" + scope.get() + "\"")
                : Check.E4.warn(bearer.isPresent() ? "the Bearer challenge has no scope" : "no Bearer challenge"));
        return results;
    }

    private CheckResult invalidTokenCheck(FetchRequest mcp) {
        FetchResult result = fetch("mcp-invalid-token", mcp.withHeader("Authorization", "Bearer invalid"));
        if (!result.responded()) {
            return Check.E6.warn("could not probe: " + result.outcome());
        }
        int status = result.status();
        if (status == 401) {
            return Check.E6.pass("401 for an invalid token");
        }
        if ((status >= 200 && status < 300) || status >= 500) {
            return Check.E6.fail("answered " + status + " to an invalid token");
        }
        return Check.E6.warn("answered " + status + " to an invalid token; 401 expected");
    }

    /**
     * The header's URL alone when the challenge names one (clients fall back to well-known URLs only when it does
     * not); otherwise the path-suffixed, then the root well-known URL, moving on when one answers non-2xx.
     */
    private PrmDiscovery discoverProtectedResource(Optional<String> headerUrl) {
        if (headerUrl.isPresent()) {
            return tryProtectedResource(MetadataSource.HEADER, headerUrl.get(), true);
        }
        for (WellKnown.PrmCandidate candidate : WellKnown.protectedResource(URI.create(remoteUrl))) {
            PrmDiscovery discovery = tryProtectedResource(candidate.source(), candidate.url(), false);
            if (discovery.found() || discovery.problem() != null || incomplete != null) {
                return discovery;
            }
        }
        return new PrmDiscovery(null, null, null, null);
    }

    private PrmDiscovery tryProtectedResource(MetadataSource source, String url, boolean onlyCandidate) {
        FetchResult result = fetch("prm", FetchRequest.get(url, JSON));
        String where = "protected resource metadata at " + Observed.url(url);
        if (!result.responded()) {
            if (result.failure().isTransient()) {
                incomplete = new Incomplete(where, result);
                return new PrmDiscovery(source, url, null, null);
            }
            return new PrmDiscovery(source, url, null, where + ": " + result.outcome());
        }
        if (result.isSuccess()) {
            return new PrmDiscovery(source, url, result, null);
        }
        return new PrmDiscovery(source, url, null, onlyCandidate ? where + " answered " + result.status() : null);
    }

    private void readProtectedResource(PrmDiscovery prm, Optional<Challenge> bearer) {
        Optional<ObjectNode> document = jsonDocument(Check.P3, prm.response(),
                "protected resource metadata via " + prm.source().id() + " at " + Observed.url(prm.url()), true);
        if (document.isEmpty()) {
            return;
        }
        ObjectNode doc = document.get();
        checks.addAll(ProtectedResourceChecks.evaluate(doc, remoteUrl, rules));
        if (declared != null) {
            checks.addAll(DriftChecks.againstProtectedResource(declared, doc));
        }
        String resource = JsonDocuments.text(doc, "resource").orElse(null);
        List<AuthorizationServerChecks.Facts> facts = checkAuthorizationServers(doc, resource);
        AuthorizationServerChecks.Facts primary = facts.isEmpty() ? null : facts.get(0);
        List<String> challengeScopes = bearer.flatMap(challenge -> challenge.param("scope"))
                .map(scope -> Arrays.stream(scope.trim().split("\\s+")).toList()).orElse(List.of());
        summary = Summary.of(prm.source(), Observed.url(prm.url()), primary == null ? null : primary.source(),
                primary == null ? null : primary.registration(), primary != null && primary.pkceS256(),
                JsonDocuments.strings(doc, "scopes_supported"), challengeScopes,
                JsonDocuments.strings(doc, "authorization_servers"), resource);
    }

    private List<AuthorizationServerChecks.Facts> checkAuthorizationServers(ObjectNode prm, String resource) {
        List<String> issuers = ProtectedResourceChecks.usableIssuers(prm, rules);
        int limit = Math.min(issuers.size(), settings.maxAuthorizationServers());
        if (issuers.size() > limit) {
            checks.add(Check.A2.info(issuers.size() + " authorization servers listed; only the first " + limit
                    + " were probed"));
        }
        List<AuthorizationServerChecks.Facts> facts = new ArrayList<>();
        for (String issuer : issuers.subList(0, limit)) {
            checkAuthorizationServer(issuer, resource, facts.isEmpty()).ifPresent(facts::add);
            if (incomplete != null) {
                break;
            }
        }
        return facts;
    }

    private Optional<AuthorizationServerChecks.Facts> checkAuthorizationServer(String issuer, String resource,
                                                                              boolean primary) {
        String who = Observed.url(issuer) + ": ";
        List<String> tried = new ArrayList<>();
        for (WellKnown.AsCandidate candidate : WellKnown.authorizationServer(URI.create(issuer))) {
            FetchResult result = fetch("as-metadata", FetchRequest.get(candidate.url(), JSON));
            tried.add(Observed.url(candidate.url()) + " " + result.outcome());
            if (!result.responded()) {
                if (result.failure().isTransient()) {
                    incomplete = new Incomplete("authorization server metadata at " + Observed.url(candidate.url()),
                            result);
                } else {
                    checks.add(Check.A2.fail(who + Observed.url(candidate.url()) + ": " + result.outcome()));
                }
                return Optional.empty();
            }
            if (result.isSuccess()) {
                return judgeAuthorizationServer(issuer, resource, candidate, result, primary);
            }
        }
        checks.add(Check.A2.fail(who + "no metadata at " + String.join("; ", tried)));
        return Optional.empty();
    }

    private Optional<AuthorizationServerChecks.Facts> judgeAuthorizationServer(
            String issuer, String resource, WellKnown.AsCandidate candidate, FetchResult result, boolean primary) {
        String who = Observed.url(issuer) + ": ";
        checks.add(candidate.source() == AsMetadataSource.RFC8414
                ? Check.A1.pass(who + "RFC 8414 metadata at " + Observed.url(candidate.url()))
                : Check.A1.result(CheckLevel.WARN, Revisions.R2025_06_18, who + "metadata only via OpenID Connect"
                + " discovery at " + Observed.url(candidate.url()) + "; 2025-06-18 clients try RFC 8414 only"));
        Optional<ObjectNode> document = jsonDocument(Check.A2, result, who + "metadata at "
                + Observed.url(candidate.url()), false);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode metadata = document.get();
        Optional<String> stated = JsonDocuments.text(metadata, "issuer");
        if (stated.isEmpty() || !stated.get().equals(issuer)) {
            checks.add(Check.A3.fail(who + "metadata states issuer " + stated.map(Observed::url).orElse("(none)")
                    + "; clients must not use it"));
            return Optional.empty();
        }
        checks.add(Check.A3.pass(who + "issuer identical"));
        checks.addAll(AuthorizationServerChecks.evaluate(metadata, issuer, resource, rules));
        if (primary && declared != null && declared.clientRegistration() != null) {
            checks.add(DriftChecks.againstAuthorizationServer(declared.clientRegistration(), metadata, issuer));
        }
        return Optional.of(AuthorizationServerChecks.facts(metadata, issuer, candidate.source()));
    }

    /**
     * Judges a 2xx metadata response: it must be 200, within the size cap, a JSON object, served as application/json
     * (a FAIL for protected resource metadata, whose RFC says so; a WARN for authorization server metadata).
     */
    private Optional<ObjectNode> jsonDocument(Check check, FetchResult result, String what, boolean strictType) {
        if (result.truncated()) {
            checks.add(check.fail(what + " is larger than " + fetcher.settings().maxBodyBytes() + " bytes"));
            return Optional.empty();
        }
        if (result.status() != 200) {
            checks.add(check.fail(what + " answered " + result.status() + ", not 200"));
            return Optional.empty();
        }
        JsonDocuments.Parsed parsed = JsonDocuments.object(result.body());
        if (parsed.problem() != null) {
            checks.add(check.fail(what + " is " + parsed.problem()));
            return Optional.empty();
        }
        Optional<String> type = result.header("content-type");
        if (!JsonDocuments.isJson(type)) {
            String seen = what + " is served as " + type.orElse("(no content type)") + ", not application/json";
            checks.add(strictType ? check.fail(seen) : check.warn(seen));
            return strictType ? Optional.empty() : Optional.of(parsed.object());
        }
        checks.add(check.pass(what + ": 200 application/json object"));
        return Optional.of(parsed.object());
    }

    private FetchResult fetch(String purpose, FetchRequest request) {
        Duration remaining = Duration.ofNanos(deadlineNanos - System.nanoTime());
        FetchResult result = remaining.toMillis() <= 0
                ? FetchResult.failed(request.url(), FetchFailure.TIMEOUT, "verification budget of "
                + settings.budget().toMillis() + " ms used up", List.of(), Duration.ZERO)
                : fetcher.fetchAndWait(request, remaining);
        probes.add(new Probe(purpose, request.method(), Observed.url(request.url()), Observed.sentence(result.outcome()),
                result.elapsed().toMillis()));
        return result;
    }

    private RemoteVerification finish() {
        List<String> failed = checks.stream().filter(check -> check.level() == CheckLevel.FAIL)
                .map(CheckResult::id).distinct().toList();
        if (!failed.isEmpty()) {
            return result(Verdict.FAILED, failed, "failed: " + String.join(", ", failed), null);
        }
        if (incomplete != null) {
            return result(Verdict.UNREACHABLE, List.of(), incomplete.step() + ": " + incomplete.result().outcome(),
                    incomplete.result().failure());
        }
        return result(Verdict.VERIFIED, List.of(), summary.text(), null);
    }

    private RemoteVerification notApplicable(String reason) {
        return result(Verdict.NOT_APPLICABLE, List.of(), reason, null);
    }

    private RemoteVerification result(Verdict verdict, List<String> failed, String detail, FetchFailure unreachable) {
        return new RemoteVerification(remoteUrl, transport, verdict, failed, Observed.sentence(detail), unreachable,
                summary, checks, probes, checkedAt);
    }
}
