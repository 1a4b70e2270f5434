package io.mcpgov.registry.exception;

import java.time.OffsetDateTime;

/**
 * Body of a new exception request.
 *
 * @param versionRange npm-style semver range; absent for every version
 * @param expiresAt transitional only: when the exception ends
 * @param reviewBy permanent only: when it must be reviewed again (it ends then unless renewed)
 */
public record ExceptionRequest(
        String serverName,
        String versionRange,
        String classification,
        String justification,
        OffsetDateTime expiresAt,
        OffsetDateTime reviewBy,
        CompensatingControls compensatingControls) {

    /**
     * @param rotationDays how often the key is rotated
     * @param keyStorage where the key is kept (a vault path, a secret manager)
     * @param offboardingOwner who revokes the key when people leave
     */
    public record CompensatingControls(Integer rotationDays, String keyStorage, String offboardingOwner) {
    }
}
