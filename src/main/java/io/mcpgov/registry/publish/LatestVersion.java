package io.mcpgov.registry.publish;

import java.util.List;
import org.semver4j.Semver;

/**
 * Which version is a server's latest, decided as the official registry does: between two semver versions the higher
 * wins; a semver version wins over one that is not semver; between two that are not, the one published later wins.
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
        if (next != null && current != null) {
            return next.isGreaterThan(current);
        }
        return current == null;
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
