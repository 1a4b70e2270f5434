package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The remotes of a document with the URLs their templates can stand for. */
final class DocumentRemotes {

    /** A remote's URL pointer and its checkable URLs; a part is empty where a URL is not absolute. */
    record Remote(String path, List<Optional<UrlParts>> urls) {
    }

    private DocumentRemotes() {
    }

    static List<Remote> of(JsonNode doc) {
        List<Remote> remotes = new ArrayList<>();
        for (Nodes.Indexed remote : Nodes.objects(doc, "remotes")) {
            Nodes.text(remote.node(), "url").ifPresent(url -> {
                List<Optional<UrlParts>> parts = new ArrayList<>();
                for (String candidate : TemplateUrls.checkableUrls(url, remote.node().get("variables"))) {
                    parts.add(UrlParts.parse(candidate));
                }
                remotes.add(new Remote(Pointers.of("remotes", remote.index(), "url"), parts));
            });
        }
        return remotes;
    }
}
