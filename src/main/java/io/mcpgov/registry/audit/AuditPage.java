package io.mcpgov.registry.audit;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** A page of events: the items under their own member, and {@link PageMetadata} beside them. */
public record AuditPage(List<AuditEventView> events, PageMetadata metadata) {

    public static AuditPage of(Page<AuditEventView> page) {
        return new AuditPage(page.items(), page.metadata());
    }
}
