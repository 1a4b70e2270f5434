package io.mcpgov.registry.review;

/**
 * One thing an accountable owner re-attests in a review (scopes, exceptions, tools, ...): a member of the item's
 * {@code facts}, shown while the review is pending and stored as attested when the owner answers. Implementations
 * are CDI beans, like {@code server.RowExtension}.
 */
public interface ReviewFacet {

    /** The member's name in {@code facts}. */
    String key();

    /** A SQL expression over {@code sv} (the server's latest version) whose value is jsonb. */
    String sql();
}
