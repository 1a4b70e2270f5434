package io.mcpgov.registry.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of walking the whole hash chain. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(
        @Schema(description = "Every event's hash matches its content and links to the event before it") boolean intact,
        @Schema(description = "Events read, up to and including the first broken one") long eventsChecked,
        @Schema(description = "The last event that verified: keep its id and hash outside the registry, so that a later"
                + " verification also shows that no event was cut off the end") Head head,
        @Schema(description = "The first event whose hash or link does not hold") Broken firstBroken,
        Instant verifiedAt) {

    public record Head(long id, String hash) {
    }

    /**
     * @param reason {@code missing-hash}; {@code link-broken} (its prevHash is not the previous event's hash: an event
     *     before it was removed, inserted or re-hashed); {@code content-altered} (its content no longer gives its hash)
     */
    public record Broken(long id, String reason, String message) {
    }
}
