package io.mcpgov.registry.review;

import jakarta.enterprise.context.ApplicationScoped;

/** The tools the server's latest version declares, with their classification and scopes. */
@ApplicationScoped
public class ToolsFacet implements ReviewFacet {

    @Override
    public String key() {
        return "tools";
    }

    @Override
    public String sql() {
        return """
                (SELECT coalesce(jsonb_agg(jsonb_build_object('name', t.name, 'classification', t.classification,
                        'scopes', t.scopes) ORDER BY t.position), '[]'::jsonb)
                 FROM server_tool t WHERE t.server_version_id = sv.id)""";
    }
}
