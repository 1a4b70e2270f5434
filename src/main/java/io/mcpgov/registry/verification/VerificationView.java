package io.mcpgov.registry.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What agents see of verification, under {@code _meta["io.mcpgov.registry/governance"].verification}: the state of
 * the entry's OAuth claim and, per remote, the verdict with the summary an agent needs to connect.
 *
 * @param state of the OAuth claim: unverified, verified, failed, unreachable, or not-applicable (no OAuth declared)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(String state, Instant checkedAt, List<RemoteVerdict> remotes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RemoteVerdict(int index, String url, boolean oauthDeclared, Verdict verdict, Instant checkedAt,
            List<String> failedChecks, String detail, Summary summary) {

        static RemoteVerdict of(int index, boolean oauthDeclared, RemoteVerification v) {
            return new RemoteVerdict(index, v.remoteUrl(), oauthDeclared, v.verdict(), v.checkedAt(),
                    v.failedChecks().isEmpty() ? null : v.failedChecks(), v.detail(), v.summary());
        }
    }

    /** The claim's state over the remotes that declare OAuth: any failure wins, then unreachable, then unverified. */
    static String claimState(List<RemoteVerdict> remotes) {
        List<RemoteVerdict> oauth = remotes.stream().filter(RemoteVerdict::oauthDeclared).toList();
        if (oauth.isEmpty()) {
            return "not-applicable";
        }
        if (oauth.stream().anyMatch(r -> r.verdict() == Verdict.FAILED)) {
            return "failed";
        }
        if (oauth.stream().anyMatch(r -> r.verdict() == Verdict.UNREACHABLE)) {
            return "unreachable";
        }
        return oauth.stream().allMatch(r -> r.verdict() == Verdict.VERIFIED) ? "verified" : "unverified";
    }
}
