package io.mcpgov.registry.admission;

import io.mcpgov.registry.server.ListingRule;
import io.mcpgov.registry.server.RowExtension;
import jakarta.enterprise.context.ApplicationScoped;

/** How admission shows in the listing gate and in each entry's governance view. */
final class AdmissionRules {

    private AdmissionRules() {
    }

    @ApplicationScoped
    static class Pending implements ListingRule {
        @Override
        public String ruleId() {
            return "admission-pending";
        }

        @Override
        public String hidesWhen() {
            return "(sv.admission = 'pending')";
        }

        @Override
        public String message() {
            return "The namespace reviews new servers and versions that widen what agents can reach; this version waits"
                    + " for a reviewer (GET /v0.1/x/io.mcpgov.registry/admissions). Agents see the last admitted version.";
        }
    }

    @ApplicationScoped
    static class Rejected implements ListingRule {
        @Override
        public String ruleId() {
            return "admission-rejected";
        }

        @Override
        public String hidesWhen() {
            return "(sv.admission = 'rejected')";
        }

        @Override
        public String message() {
            return "A reviewer refused to admit this version; publish a new one.";
        }
    }

    @ApplicationScoped
    static class View implements RowExtension {
        @Override
        public String key() {
            return "admission";
        }

        @Override
        public String sql() {
            return "CASE WHEN sv.admission = 'admitted' THEN NULL ELSE jsonb_build_object('state', sv.admission,"
                    + " 'requestId', (SELECT ar.id FROM admission_request ar WHERE ar.server_version_id = sv.id)) END";
        }
    }
}
