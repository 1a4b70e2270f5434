package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Csv;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The entitlement report for access reviews: every server's latest version (deleted ones left out), each of its
 * tools with classification, scopes, approval state and owners. Rows are read with a database cursor
 * ({@link EntitlementRepository}) and written as they come, so the report's size never sits in memory.
 */
@ApplicationScoped
public class EntitlementReport {

    /** @param namespace servers in this namespace or its sub-namespaces; {@code owner} the accountable owner */
    public record Filter(String namespace, String owner, String team) {
    }

    private final EntitlementRepository entitlements;
    private final ObjectMapper json;

    EntitlementReport(EntitlementRepository entitlements, ObjectMapper json) {
        this.entitlements = entitlements;
        this.json = json;
    }

    public void writeJson(Filter filter, OutputStream out) throws IOException {
        try (JsonGenerator gen = json.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("generatedAt", Instant.now().toString());
            gen.writeArrayFieldStart("rows");
            entitlements.rows(filter, row -> {
                try {
                    json.writeValue(gen, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void writeCsv(Filter filter, OutputStream out) throws IOException {
        try {
            out.write(Csv.record(EntitlementRow.CSV_HEADER).getBytes(StandardCharsets.UTF_8));
            entitlements.rows(filter, row -> {
                try {
                    out.write(Csv.record(row.csvFields()).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
