package io.mcpgov.registry.tool;

import io.mcpgov.registry.server.RowExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The members this feature adds to every entry's {@code _meta["io.mcpgov.registry/governance"]}. Each is one
 * primary-key lookup into {@code tool_set}; only versions with tools under review also probe {@code tool_review},
 * by its unique key, once for each such tool.
 */
final class ToolRowExtensions {

    private ToolRowExtensions() {
    }

    /** {@code tools}: each declared tool with its classification, scopes, approval state and availability. */
    @ApplicationScoped
    static class Tools implements RowExtension {

        static final String SQL = """
                SELECT CASE WHEN NOT ts.declared THEN NULL WHEN NOT ts.has_review THEN ts.tools ELSE (
                    SELECT coalesce(jsonb_agg(CASE WHEN e.t -> 'approval' IS NOT NULL THEN e.t
                        ELSE e.t || jsonb_strip_nulls(jsonb_build_object(
                            'approval', coalesce(r.state, 'pending'),
                            'available', %s,
                            'reviewId', r.id)) END ORDER BY e.o), '[]'::jsonb)
                    FROM jsonb_array_elements(ts.tools) WITH ORDINALITY AS e(t, o)
                    LEFT JOIN tool_review r ON r.server_name = sv.name AND r.tool_name = e.t ->> 'name'
                        AND r.definition_hash = e.t ->> 'definitionHash')
                END
                FROM tool_set ts WHERE ts.server_version_id = sv.id"""
                .formatted(ReviewState.availableSql("r.state", "(e.t ->> 'classification') = 'destructive'"));

        @Override
        public String key() {
            return "tools";
        }

        @Override
        public String sql() {
            return SQL;
        }
    }

    /** {@code toolChanges}: how the tools differ from the version before (absent for a first version). */
    @ApplicationScoped
    static class Changes implements RowExtension {

        @Override
        public String key() {
            return "toolChanges";
        }

        @Override
        public String sql() {
            return "SELECT ts.changes FROM tool_set ts WHERE ts.server_version_id = sv.id";
        }
    }
}
