package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryConfig;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.publish.validation.DocumentParser;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.server.ServerResponse;
import io.mcpgov.registry.server.ServerViews;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishing: read the document, check the caller's namespace, check everything at once, then store. The checks
 * run before any transaction; only the store step touches the database.
 */
@ApplicationScoped
public class PublishService {

    private final RegistryConfig config;
    private final DocumentParser parser;
    private final DocumentChecks checks;
    private final NamespaceService namespaces;
    private final PublishStore store;
    private final ServerViews views;
    private final Caller caller;

    PublishService(RegistryConfig config, DocumentParser parser, DocumentChecks checks, NamespaceService namespaces,
            PublishStore store, ServerViews views, Caller caller) {
        this.config = config;
        this.parser = parser;
        this.checks = checks;
        this.namespaces = namespaces;
        this.store = store;
        this.views = views;
        this.caller = caller;
    }

    public ServerResponse publish(byte[] body) {
        JsonNode document = read(body);
        String name = document.path("name").isTextual() ? document.path("name").asText() : null;
        String team = name == null || name.indexOf('/') < 1 ? null : namespaces.requireTeamOwnership(name);
        DocumentChecks.Checked checked = checks.check(document);
        if (!checked.passed()) {
            throw ProblemException.unprocessable("The server.json was refused; nothing was stored.", checked.errors());
        }
        if (team == null) {
            throw namespaces.forbiddenNamespace(String.valueOf(name));
        }
        var row = store.insert(document, checked.profile(), team, caller.subject());
        return views.response(row, checked.warnings());
    }

    public ValidateResponse validate(byte[] body) {
        DocumentChecks.Checked checked = checks.check(read(body));
        List<ValidateResponse.Issue> issues = new ArrayList<>();
        checked.errors().forEach(v -> issues.add(ValidateResponse.Issue.of(v, "error")));
        checked.warnings().forEach(v -> issues.add(ValidateResponse.Issue.of(v, "warning")));
        return new ValidateResponse(checked.passed(), issues);
    }

    private JsonNode read(byte[] body) {
        int max = config.publish().maxDocumentBytes();
        if (body != null && body.length > max) {
            throw new ProblemException(413, "Content Too Large", "A server.json may be at most " + max + " bytes.",
                    List.of(new Violation("document-too-large", "", "The body has " + body.length + " bytes.")));
        }
        return parser.parse(body == null ? new byte[0] : body);
    }
}
