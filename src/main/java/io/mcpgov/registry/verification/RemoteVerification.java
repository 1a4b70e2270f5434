package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.FetchFailure;
import java.time.Instant;
import java.util.List;

/**
 * The verification of one remote at one time: stored as jsonb and shown to agents.
 *
 * @param failedChecks ids of the checks at FAIL, in the order they were applied (empty unless {@code failed})
 * @param detail       one line saying why this verdict: the summary text, the failing ids, what was unreachable
 *                     and why, or why nothing applies
 * @param unreachable  for {@code unreachable}: which kind of failure (refused by the SSRF guard, timeout, ...)
 * @param summary      present once protected resource metadata was read
 * @param probes       every request made, in order
 */
public record RemoteVerification(String remoteUrl, String transport, Verdict verdict, List<String> failedChecks,
                                 String detail, FetchFailure unreachable, Summary summary, List<CheckResult> checks,
                                 List<Probe> probes, Instant checkedAt) {

    public RemoteVerification {
        failedChecks = List.copyOf(failedChecks);
        checks = List.copyOf(checks);
        probes = List.copyOf(probes);
    }
}
