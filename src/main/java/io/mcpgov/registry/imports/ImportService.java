package io.mcpgov.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.DocumentChecks;
import io.mcpgov.registry.publish.DocumentReader;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.server.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds or syncs the registry from another registry that speaks the official API, or from list items given inline.
 * Every entry goes through the checks of publish and the same storage (latest version, remote URL ownership, the
 * listing gate's flags, audit); entries already present are skipped, or take the source's status. Each page is
 * checked in parallel and stored in one transaction, by a few writers, while the next pages are read.
 */
@ApplicationScoped
public class ImportService {

    private static final int DEFAULT_LIMIT = 100;
    /** Imports at least this large refresh the planner's statistics when they end. */
    private static final int STATISTICS_AFTER = 1000;

    private final SourceReader sources;
    private final DocumentReader reader;
    private final ObjectMapper json;
    private final DocumentChecks checks;
    private final ImportBatch batch;
    private final ImportConfig config;
    private final Caller caller;

    ImportService(SourceReader sources, DocumentReader reader, ObjectMapper json, DocumentChecks checks,
            ImportBatch batch, ImportConfig config, Caller caller) {
        this.sources = sources;
        this.reader = reader;
        this.json = json;
        this.checks = checks;
        this.batch = batch;
        this.config = config;
        this.caller = caller;
    }

    public ImportResult run(ImportRequest request) {
        int limit = checkRequest(request);
        ImportRun run = new ImportRun(caller.subject(), request.owningTeam().trim(), config.maxReportedRefusals());
        try (PageWriters writers = new PageWriters(config.concurrency())) {
            if (request.items() != null) {
                store(request.items(), List.of(), true, run, writers);
            } else {
                String cursor = null;
                List<ImportItem> held = List.of();
                do {
                    Page<JsonNode> page = sources.page(request.source().trim(), limit, cursor,
                            blankToNull(request.updatedSince()));
                    cursor = page.nextCursor();
                    held = store(page.items(), held, cursor == null, run, writers);
                } while (cursor != null);
            }
            writers.awaitAll();
        }
        if (run.imported() >= STATISTICS_AFTER) {
            batch.refreshStatistics();
        }
        return run.result();
    }

    /**
     * Checks a page and hands the entries that passed, after those held from the page before, to a writer, except the
     * entries of the server the page ends with: a source sorted by name starts its next page with the same server, so
     * they go with that page, and two writers do not wait for each other's lock on one server.
     *
     * @return the entries held for the next page
     */
    private List<ImportItem> store(List<JsonNode> items, List<ImportItem> held, boolean lastPage, ImportRun run,
            PageWriters writers) {
        run.page();
        items.forEach(item -> run.sawUpdatedAt(officialMeta(item).path("updatedAt").asText(null)));
        List<ImportItem> passed = new ArrayList<>(held);
        for (ImportItem item : items.parallelStream().map(this::check).toList()) {
            if (item.checked().passed()) {
                passed.add(item);
            } else {
                run.refuse(item.name(), item.version(), item.checked().errors());
            }
        }
        int cut = lastPage ? passed.size() : startOfLastServer(passed);
        List<ImportItem> ready = passed.subList(0, cut);
        if (!ready.isEmpty()) {
            batch.mapNamespaces(ready, run);
            writers.submit(() -> batch.store(ready, run), run);
        }
        return new ArrayList<>(passed.subList(cut, passed.size()));
    }

    /** Where the entries of the last server begin; the end, holding nothing back, when all are of one server. */
    private static int startOfLastServer(List<ImportItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        String last = items.get(items.size() - 1).name();
        int start = items.size();
        while (start > 0 && items.get(start - 1).name().equals(last)) {
            start--;
        }
        return start == 0 ? items.size() : start;
    }

    /**
     * Checks a list item {@code {server, _meta}} or a bare server.json: read again as publish reads a body (size,
     * nesting, duplicate members, text and numbers PostgreSQL can hold), then publish's checks.
     */
    private ImportItem check(JsonNode item) {
        JsonNode given = item.has("server") && item.path("server").isObject() ? item.path("server") : item;
        String name = given.path("name").asText(null);
        String version = given.path("version").asText(null);
        ServerStatus status = ServerStatus.fromWire(officialMeta(item).path("status").asText("active"))
                .orElse(ServerStatus.ACTIVE);
        if (!given.isObject() || name == null || version == null) {
            return refused(name, version, given, status, List.of(new Violation(
                    "import-item-invalid", "", "Not a server.json nor a list item with one.")));
        }
        JsonNode document;
        try {
            document = reader.read(json.writeValueAsBytes(given));
        } catch (ProblemException e) {
            return refused(name, version, given, status, e.errors());
        } catch (JsonProcessingException e) {
            return refused(name, version, given, status, List.of(new Violation(
                    "import-item-invalid", "", "The entry could not be written as JSON.")));
        }
        return new ImportItem(name, version, document, status, checks.check(document));
    }

    private static ImportItem refused(String name, String version, JsonNode document, ServerStatus status,
            List<Violation> errors) {
        return new ImportItem(name, version, document, status, new DocumentChecks.Checked(errors, List.of(), null));
    }

    private static JsonNode officialMeta(JsonNode item) {
        return item.path("_meta").path(RegistryMeta.OFFICIAL);
    }

    private int checkRequest(ImportRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required.", new Violation("body-required", "", "empty body"));
        }
        List<Violation> errors = new ArrayList<>();
        boolean hasSource = blankToNull(request.source()) != null;
        boolean hasItems = request.items() != null;
        if (hasSource == hasItems) {
            errors.add(new Violation("import-source-or-items", "", "give either source (a registry's base URL) or items"));
        }
        if (hasSource && !isHttpUrl(request.source().trim())) {
            errors.add(new Violation("import-source-invalid", "/source", "source must be an http(s) URL"));
        }
        if (hasItems && request.items().size() > config.maxInlineItems()) {
            errors.add(new Violation("import-too-many-items", "/items",
                    "at most " + config.maxInlineItems() + " items inline; import larger sets from a source URL"));
        }
        if (blankToNull(request.owningTeam()) == null) {
            errors.add(new Violation("required", "/owningTeam", "owningTeam is required: it owns namespaces no mapping covers yet"));
        }
        if (request.updatedSince() != null) {
            try {
                OffsetDateTime.parse(request.updatedSince().trim());
            } catch (DateTimeParseException e) {
                errors.add(new Violation("invalid-updated-since", "/updatedSince", "updatedSince must be an RFC 3339 date-time"));
            }
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > 100) {
            errors.add(new Violation("invalid-limit", "/limit", "limit must be between 1 and 100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The import request was refused.", errors);
        }
        return limit;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
