package io.mcpgov.registry.exception;

import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * Which versions an exception covers: all of them (no range), or an npm-style semver range such as
 * {@code >=1.0.0 <2.0.0} or {@code 1.x}. A version that is not semver is covered only by no range or by a range
 * equal to it.
 */
public final class VersionRange {

    private VersionRange() {
    }

    public static boolean isValid(String range) {
        if (range == null) {
            return true;
        }
        RangesList parsed = parse(range);
        return parsed != null && !parsed.get().isEmpty();
    }

    public static boolean covers(String range, String version) {
        if (range == null || range.equals(version)) {
            return true;
        }
        Semver semver = Semver.parse(version);
        RangesList parsed = parse(range);
        return semver != null && parsed != null && parsed.isSatisfiedBy(semver);
    }

    private static RangesList parse(String range) {
        try {
            return RangesListFactory.create(range);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
