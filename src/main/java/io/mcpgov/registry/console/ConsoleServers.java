package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.console.Views.Block;
import io.mcpgov.registry.console.Views.PackageLine;
import io.mcpgov.registry.console.Views.Remote;
import io.mcpgov.registry.console.Views.ServerLine;
import io.mcpgov.registry.console.Views.Tool;
import io.mcpgov.registry.server.ListParams;
import io.mcpgov.registry.server.ServerListResponse;
import io.mcpgov.registry.server.ServerReadService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server entries as the discovery reads give them to the signed-in user (the same visibility and listing gate as
 * the API), turned into lines of the console's pages.
 */
@ApplicationScoped
public class ConsoleServers {

    private final ServerReadService reads;
    private final ObjectMapper json;
    private final UnblockActions actions;

    ConsoleServers(ServerReadService reads, ObjectMapper json, UnblockActions actions) {
        this.reads = reads;
        this.json = json;
        this.actions = actions;
    }

    /** A page of latest versions, by name, from a cursor of the previous page (null for the first). */
    public Page<JsonNode> latest(String search, String cursor, int limit) {
        ServerListResponse response = reads.list(ListParams.parse(blankToNull(cursor), String.valueOf(limit),
                search, null, "latest", null));
        List<JsonNode> items = new ArrayList<>();
        tree(response).path("servers").forEach(items::add);
        return new Page<>(items, response.metadata().nextCursor());
    }

    /** Every version of a server, newest published first (deleted ones included); 404 when not visible. */
    public List<JsonNode> versions(String name) {
        List<JsonNode> items = new ArrayList<>();
        tree(reads.versions(name, true)).path("servers").forEach(items::add);
        return items;
    }

    /** The latest version of a server as this user sees it, if they may. */
    public Optional<JsonNode> latest(String name) {
        try {
            return Optional.of(tree(reads.version(name, "latest", false)));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public ServerLine line(JsonNode item) {
        JsonNode server = item.path("server");
        JsonNode official = item.path("_meta").path(RegistryMeta.OFFICIAL);
        JsonNode governance = governance(item);
        String name = Text.text(server, "name");
        String version = Text.text(server, "version");
        List<Block> blocks = new ArrayList<>();
        for (JsonNode reason : governance.path("reasons")) {
            String ruleId = Text.text(reason, "ruleId");
            blocks.add(new Block(ruleId, Text.text(reason, "message"), actions.action(ruleId)));
        }
        JsonNode exception = governance.path("exception");
        String exceptionText = exception.isObject() ? Text.text(exception, "classification") + " exception until "
                + Text.time(exception.get("expiresAt")) : "";
        JsonNode owner = governance.path("owner");
        return new ServerLine(name, version, Text.serverHref(name), Text.text(server, "description"),
                Text.text(official, "status"), governance.path("listed").asBoolean(false), blocks,
                Text.text(governance, "authType"), verificationState(governance), Text.text(owner, "team"),
                Text.text(owner, "accountableOwner"), exceptionText);
    }

    public static JsonNode governance(JsonNode item) {
        return item.path("_meta").path(RegistryMeta.KEY);
    }

    static String verificationState(JsonNode governance) {
        String state = Text.text(governance.path("verification"), "state");
        return state.isEmpty() ? "not-applicable" : state;
    }

    /** Each remote's auth profile (credential names, never values) beside its verification verdict. */
    public List<Remote> remotes(JsonNode item) {
        JsonNode governance = governance(item);
        List<Remote> out = new ArrayList<>();
        for (JsonNode remote : governance.path("auth").path("remotes")) {
            int index = remote.path("index").asInt();
            JsonNode verdict = verdictOf(governance, index);
            out.add(new Remote(index, Text.text(remote, "transport"), Text.text(remote, "url"),
                    Text.text(remote, "auth"), Text.joined(remote.path("credentials")),
                    verdict == null ? "" : Text.text(verdict, "verdict"),
                    verdict == null ? "" : Text.joined(verdict.path("failedChecks")),
                    verdict == null ? "" : Text.text(verdict, "detail"),
                    verdict == null ? "" : Text.text(verdict.path("summary"), "text")));
        }
        return out;
    }

    public List<PackageLine> packages(JsonNode item) {
        List<PackageLine> out = new ArrayList<>();
        for (JsonNode p : governance(item).path("auth").path("packages")) {
            out.add(new PackageLine(p.path("index").asInt(), Text.text(p, "registryType"), Text.text(p, "identifier"),
                    Text.text(p, "transport"), Text.text(p, "auth"), Text.joined(p.path("credentials"))));
        }
        return out;
    }

    public Views.OAuth oauth(JsonNode item) {
        JsonNode o = governance(item).path("auth").path("oauth2");
        if (!o.isObject()) {
            return null;
        }
        return new Views.OAuth(Text.text(o, "resource"), Text.joined(o.path("authorizationServers")),
                Text.joined(o.path("scopesSupported")), Text.joined(o.path("scopesRequired")),
                Text.text(o.path("clientRegistration"), "mode"));
    }

    /** The tools of a version; {@code canRevoke}: whether the reader may revoke approvals (reviewers, admins). */
    public List<Tool> tools(JsonNode item, boolean canRevoke) {
        List<Tool> out = new ArrayList<>();
        for (JsonNode t : governance(item).path("tools")) {
            List<String> findings = new ArrayList<>();
            for (JsonNode f : t.path("findings")) {
                findings.add(f.isObject() ? Text.text(f, "ruleId") : f.asText());
            }
            String approval = Text.text(t, "approval").isEmpty() ? "not-required" : Text.text(t, "approval");
            String reviewId = Text.text(t, "reviewId");
            out.add(new Tool(Text.text(t, "name"), Text.text(t, "title"), Text.text(t, "classification"),
                    Text.joined(t.path("scopes")), approval, t.path("available").asBoolean(true),
                    String.join(", ", findings), reviewId, canRevoke && "approved".equals(approval) && !reviewId.isEmpty()));
        }
        return out;
    }

    /** How the tools differ from the previous version, one sentence per kind of change. */
    public List<String> toolChanges(JsonNode item) {
        JsonNode c = governance(item).path("toolChanges");
        List<String> out = new ArrayList<>();
        if (!c.isObject()) {
            return out;
        }
        String previous = Text.text(c, "previousVersion");
        addList(out, "Added", c.path("added"));
        addList(out, "Removed", c.path("removed"));
        for (String kind : List.of("moreDangerous", "lessDangerous")) {
            for (JsonNode m : c.path(kind)) {
                out.add((kind.equals("moreDangerous") ? "More dangerous: " : "Less dangerous: ") + Text.text(m, "name")
                        + " (" + Text.text(m, "from") + " to " + Text.text(m, "to") + ")");
            }
        }
        for (JsonNode s : c.path("scopesChanged")) {
            out.add("Scopes changed: " + Text.text(s, "name") + " (added " + Text.joined(s.path("added"))
                    + "; removed " + Text.joined(s.path("removed")) + ")");
        }
        addList(out, "Definition changed", c.path("definitionChanged"));
        if (!out.isEmpty() && !previous.isEmpty()) {
            out.add(0, "Compared with version " + previous + ":");
        }
        return out;
    }

    private static void addList(List<String> out, String label, JsonNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) {
            names.add(n.isObject() ? Text.text(n, "name") : n.asText());
        }
        if (!names.isEmpty()) {
            out.add(label + ": " + String.join(", ", names));
        }
    }

    private static JsonNode verdictOf(JsonNode governance, int index) {
        for (JsonNode v : governance.path("verification").path("remotes")) {
            if (v.path("index").asInt(-1) == index) {
                return v;
            }
        }
        return null;
    }

    JsonNode tree(Object value) {
        try {
            return json.readTree(json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("A server entry could not be read", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
