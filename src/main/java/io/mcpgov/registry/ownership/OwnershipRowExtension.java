package io.mcpgov.registry.ownership;

import io.mcpgov.registry.server.RowExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code _meta["io.mcpgov.registry/governance"].ownership}: the server's operational {@code contact} (when declared),
 * whether it is {@code orphaned} (its accountable owner was offboarded), and who published this version
 * ({@code publishedBy}, which may differ from the accountable owner). The team and accountable owner are in
 * {@code owner}.
 */
@ApplicationScoped
public class OwnershipRowExtension implements RowExtension {

    @Override
    public String key() {
        return "ownership";
    }

    @Override
    public String sql() {
        return "jsonb_strip_nulls(jsonb_build_object('contact', sv.contact, 'orphaned', "
                + OwnerOffboardedRule.ORPHANED + ", 'publishedBy', sv.published_by))";
    }
}
