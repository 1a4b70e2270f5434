package io.mcpgov.registry.publish.validation;

/**
 * Switches of the validator.
 *
 * @param allowHttpLoopback development only: accept remotes on a loopback host (localhost, 127.0.0.0/8, ::1), over
 *                          plain http too. Off in production, where a remote must be https on a real host.
 */
public record ValidationSettings(boolean allowHttpLoopback) {

    public static ValidationSettings production() {
        return new ValidationSettings(false);
    }

    public static ValidationSettings development() {
        return new ValidationSettings(true);
    }
}
