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

    /** A project path is {@code /segment/segment...} with an optional trailing slash, segments in this class. */
    private static final Pattern SEGMENT = Pattern.compile("[\\w.-]+");

    /** @param maxSegments a project path's most segments (github: owner and repository; gitlab: any group depth) */
    private record Forge(String host, int maxSegments, String example) {

        /** Checked segment by segment: a pattern with a repeated group would recurse once per segment of a long path. */
        boolean isProjectPath(String path) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (!trimmed.startsWith("/")) {
                return false;
            }
            String[] segments = trimmed.substring(1).split("/", -1);
            if (segments.length < 2 || segments.length > maxSegments) {
                return false;
            }
            for (String segment : segments) {
                if (!SEGMENT.matcher(segment).matches()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Map<String, Forge> FORGES = Map.of(
            "github", new Forge("github.com", 2, "https://github.com/owner/repo"),
            "gitlab", new Forge("gitlab.com", Integer.MAX_VALUE, "https://gitlab.com/group/project"));

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
        if (!onForge || parts.get().query() != null || !forge.isProjectPath(parts.get().path())) {
            findings.error(ID, "/repository/url", "repository url must be a project URL on " + forge.host()
                    + " (like " + forge.example() + ") for this source");
        }
    }
}
