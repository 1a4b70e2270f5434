package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.namespace.NamespaceService;
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

    private final DocumentReader reader;
    private final DocumentChecks checks;
    private final NamespaceService namespaces;
    private final PublishStore store;
    private final ServerViews views;
    private final Caller caller;

    PublishService(DocumentReader reader, DocumentChecks checks, NamespaceService namespaces, PublishStore store,
            ServerViews views, Caller caller) {
        this.reader = reader;
        this.checks = checks;
        this.namespaces = namespaces;
        this.store = store;
        this.views = views;
        this.caller = caller;
    }

    public ServerResponse publish(byte[] body) {
        JsonNode document = reader.read(body);
        String name = document.path("name").isTextual() ? document.path("name").asText() : null;
        // a name the schema refuses for its length is refused by the checks below, never looked up
        boolean lookedUp = name != null && name.indexOf('/') >= 1 && name.length() <= NamespaceService.MAX_NAME_LENGTH;
        String team = lookedUp ? namespaces.requireTeamOwnership(name) : null;
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
        DocumentChecks.Checked checked = checks.check(reader.read(body));
        List<ValidateResponse.Issue> issues = new ArrayList<>();
        checked.errors().forEach(v -> issues.add(ValidateResponse.Issue.of(v, "error")));
        checked.warnings().forEach(v -> issues.add(ValidateResponse.Issue.of(v, "warning")));
        return new ValidateResponse(checked.passed(), issues);
    }
}
