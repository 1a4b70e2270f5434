package io.mcpgov.registry.review;

import jakarta.enterprise.context.ApplicationScoped;

/** The API-key exceptions in force for the server's latest version. */
@ApplicationScoped
public class ExceptionsFacet implements ReviewFacet {

    @Override
    public String key() {
        return "exceptions";
    }

    @Override
    public String sql() {
        return """
                (SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'classification', e.classification,
                        'expiresAt', e.expires_at) ORDER BY e.expires_at), '[]'::jsonb)
                 FROM exception_coverage ec JOIN api_key_exception e ON e.id = ec.exception_id
                 WHERE ec.server_version_id = sv.id AND e.state = 'approved' AND e.expires_at > now())""";
    }
}
