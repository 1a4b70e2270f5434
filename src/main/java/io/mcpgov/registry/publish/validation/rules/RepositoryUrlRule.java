package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code repository.url} is an https URL; for the forges the official registry knows ({@code github},
 * {@code gitlab}) it must be a project URL on that forge.
 */
public final class RepositoryUrlRule implements SemanticRule {

    public static final String ID = "repository-url";

    private record Forge(String host, Pattern projectPath, String example) {
    }

    private static final Map<String, Forge> FORGES = Map.of(
            "github", new Forge("github.com", Pattern.compile("^/[\\w.-]+/[\\w.-]+/?$"), "https://github.com/owner/repo"),
            "gitlab", new Forge("gitlab.com", Pattern.compile("^/[\\w.-]+(/[\\w.-]+)+/?$"), "https://gitlab.com/group/project"));

    @Override
    public void check(JsonNode doc, Findings findings) {
        Optional<JsonNode> repository = Nodes.object(doc, "repository");
        Optional<String> url = repository.flatMap(r -> Nodes.text(r, "url"));
        if (url.isEmpty()) {
            return;
        }
        Optional<UrlParts> parts = UrlParts.parse(url.get());
        if (parts.isEmpty() || !parts.get().isHttps()) {
            findings.error(ID, "/repository/url", "repository url must be an absolute https URL");
            return;
        }
        Forge forge = Nodes.text(repository.get(), "source").map(FORGES::get).orElse(null);
        if (forge == null) {
            return;
        }
        String host = parts.get().host();
        boolean onForge = host.equals(forge.host()) || host.equals("www." + forge.host());
        if (!onForge || parts.get().query() != null || !forge.projectPath().matcher(parts.get().path()).matches()) {
            findings.error(ID, "/repository/url", "repository url must be a project URL on " + forge.host()
                    + " (like " + forge.example() + ") for this source");
        }
    }
}
