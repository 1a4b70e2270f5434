package io.mcpgov.registry.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.input.InputRefusal;
import io.mcpgov.registry.outbound.FetchFailure;
import io.mcpgov.registry.outbound.FetchRequest;
import io.mcpgov.registry.outbound.FetchResult;
import io.mcpgov.registry.outbound.FetchSettings;
import io.mcpgov.registry.outbound.OutboundConfig;
import io.mcpgov.registry.outbound.SafeFetcher;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a source registry's list, page by page, through the same SSRF guard as verification probes (the source URL
 * is an admin's choice, but the registry still does not fetch private addresses unless the development switch
 * allows loopback).
 */
@ApplicationScoped
class SourceReader {

    private final SafeFetcher fetcher;
    private final ObjectMapper json;
    private final ImportConfig config;

    SourceReader(Vertx vertx, ObjectMapper json, ImportConfig config, OutboundConfig outbound) {
        this.json = json;
        this.config = config;
        FetchSettings settings = FetchSettings.of(outbound)
                .withMaxBodyBytes(config.maxPageBytes())
                .withTotalTimeout(config.pageTimeout());
        this.fetcher = new SafeFetcher(vertx, settings);
    }

    @PreDestroy
    void close() {
        fetcher.close();
    }

    Page<JsonNode> page(String source, int limit, String cursor, String updatedSince) {
        StringBuilder url = new StringBuilder(source.replaceAll("/+$", "")).append("/v0.1/servers?limit=").append(limit);
        if (cursor != null) {
            url.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        if (updatedSince != null) {
            url.append("&updated_since=").append(URLEncoder.encode(updatedSince, StandardCharsets.UTF_8));
        }
        FetchResult result = fetcher.fetchAndWait(
                FetchRequest.get(url.toString(), "application/json"), config.pageTimeout());
        if (result.failure() == FetchFailure.REFUSED) {
            // the address guard's decision about the admin's URL, not a fault of the source: nothing was sent
            throw ProblemException.unprocessable("The source registry was not fetched from: " + result.message() + ".",
                    List.of(new Violation("import-source-refused", "/source", "The registry does not fetch from "
                            + "this address (private, loopback, link-local, metadata or other internal addresses,"
                            + " and plain http, are refused).")));
        }
        if (result.failure() != null || result.status() != 200 || result.truncated()) {
            String why = result.failure() != null ? result.message()
                    : result.truncated() ? "the page is larger than registry.imports.max-page-bytes"
                    : "it answered HTTP " + result.status();
            throw new ProblemException(502, "Bad Gateway", "The source registry could not be read: " + why + ".",
                    List.of(new Violation("import-source-unreadable", "/source", "Reading " + url + " failed.")));
        }
        try {
            JsonNode page = json.readTree(result.body());
            List<JsonNode> items = new ArrayList<>();
            page.path("servers").forEach(items::add);
            JsonNode next = page.path("metadata").path("nextCursor");
            return new Page<>(items, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
        } catch (InputRefusal e) {
            // a page is read as a request body is: what the registry could not store refuses the page
            throw new ProblemException(502, "Bad Gateway", "The source registry's page was refused: "
                    + e.violation().message(), List.of(new Violation("import-source-unreadable", "/source",
                    "Reading " + url + " gave " + e.violation().ruleId() + " at " + e.violation().path() + ".")));
        } catch (IOException e) {
            throw new ProblemException(502, "Bad Gateway", "The source registry's answer is not the official list shape.",
                    List.of(new Violation("import-source-unreadable", "/source", "The page is not JSON.")));
        }
    }
}
