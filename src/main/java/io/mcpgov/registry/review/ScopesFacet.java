package io.mcpgov.registry.review;

import jakarta.enterprise.context.ApplicationScoped;

/** The OAuth scopes the server declares: the ones it supports and the ones every token needs. */
@ApplicationScoped
public class ScopesFacet implements ReviewFacet {

    @Override
    public String key() {
        return "scopes";
    }

    @Override
    public String sql() {
        return "jsonb_build_object('supported', coalesce(sv.auth_profile->'oauth2'->'scopesSupported', '[]'::jsonb),"
                + " 'required', coalesce(sv.auth_profile->'oauth2'->'scopesRequired', '[]'::jsonb))";
    }
}
