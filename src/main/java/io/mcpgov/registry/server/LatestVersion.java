package io.mcpgov.registry.server;

import java.util.List;
import org.semver4j.Semver;

/**
 * Which version is a server's latest, decided as the official registry does: a semver version is latest when it is
 * the highest; a version that is not semver is latest when published (there is nothing to compare it with).
 */
public final class LatestVersion {

    private LatestVersion() {
    }

    /** Whether a newly published version takes over from the current latest ({@code null}: there is none). */
    public static boolean replaces(String candidate, String currentLatest) {
        if (currentLatest == null) {
            return true;
        }
        Semver next = Semver.parse(candidate);
        Semver current = Semver.parse(currentLatest);
        if (next == null || current == null) {
            return true;
        }
        return next.isGreaterThan(current);
    }

    /**
     * The latest among remaining versions, replaying their publication in order.
     *
     * @param versionsInPublishOrder versions oldest first
     */
    public static String among(List<String> versionsInPublishOrder) {
        String latest = null;
        for (String version : versionsInPublishOrder) {
            if (replaces(version, latest)) {
                latest = version;
            }
        }
        return latest;
    }
}
