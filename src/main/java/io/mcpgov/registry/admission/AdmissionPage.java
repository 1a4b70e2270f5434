package io.mcpgov.registry.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

public record AdmissionPage(List<AdmissionView> admissions, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
