package io.mcpgov.registry.local;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** The local run prints where it runs and how to get a token for each demo user of the local issuer. */
@IfBuildProfile("dev")
@ApplicationScoped
class LocalRunBanner {

    private static final Logger LOG = Logger.getLogger(LocalRunBanner.class);
    private static final String USERS = "quarkus.oidc.devservices.roles.";

    void print(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        String issuer = config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).orElse(null);
        String clientId = config.getOptionalValue("quarkus.oidc.client-id", String.class).orElse("");
        String secret = config.getOptionalValue("quarkus.oidc.credentials.secret", String.class).orElse("");
        int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String jdbc = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("(not set)");

        Map<String, String> users = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(USERS)) {
                users.put(name.substring(USERS.length()), config.getValue(name, String.class));
            }
        }
        StringBuilder out = new StringBuilder("\n\nGoverned MCP Registry is running on http://localhost:").append(port)
                .append("  (API docs: http://localhost:").append(port).append("/q/swagger-ui)\n")
                .append("Web console: http://localhost:").append(port).append("/console  (sign in as a demo user below)\n")
                .append("PostgreSQL: ").append(jdbc).append("\n");
        if (issuer != null) {
            out.append("Local token issuer: ").append(issuer).append("\nGet a token for a demo user (roles and team):\n");
            users.forEach((user, roles) -> out.append(String.format("  %-6s %-28s export %s=$(curl -s %s/token -d grant_type=password"
                    + " -d client_id=%s -d client_secret=%s -d username=%s -d password=%s | grep -o '\"access_token\":\"[^\"]*\"'"
                    + " | cut -d'\"' -f4)%n", user, "(" + roles + ")", user.toUpperCase(), issuer, clientId, secret, user, user)));
            out.append("Then: curl -H \"Authorization: Bearer $AGNES\" http://localhost:").append(port).append("/v0.1/servers\n");
        }
        LOG.info(out);
    }
}
