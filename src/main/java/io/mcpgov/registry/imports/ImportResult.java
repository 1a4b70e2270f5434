package io.mcpgov.registry.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mcpgov.registry.common.Violation;
import java.util.List;

/**
 * What an import did.
 *
 * @param skipped versions already present with the same status
 * @param statusesUpdated versions already present whose status the source changed (e.g. deleted there)
 * @param nextUpdatedSince the latest {@code updatedAt} seen at the source: pass it as {@code updatedSince} next time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(int imported, int skipped, int statusesUpdated, int refused, int pages,
        List<Refusal> refusals, List<String> namespacesMapped, String nextUpdatedSince) {

    public record Refusal(String name, String version, List<Violation> errors) {
    }
}
