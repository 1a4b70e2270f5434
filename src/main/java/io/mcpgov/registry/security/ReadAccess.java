package io.mcpgov.registry.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read: any registry role, or nobody without a token unless {@code registry.read.anonymous=true}.
 * Discovery endpoints are {@code @PermitAll} so that this one rule decides.
 */
@ApplicationScoped
public class ReadAccess {

    private final Caller caller;
    private final boolean anonymousAllowed;

    ReadAccess(Caller caller, ReadConfig config) {
        this.caller = caller;
        this.anonymousAllowed = config.anonymous();
    }

    public void require() {
        require(caller);
    }

    /** {@link #require()} for a caller resolved already ({@link Caller#of}). */
    public void require(Caller caller) {
        if (caller.anonymous()) {
            if (!anonymousAllowed) {
                throw new UnauthorizedException();
            }
            return;
        }
        if (caller.roles().isEmpty()) {
            throw new ForbiddenException();
        }
    }
}
