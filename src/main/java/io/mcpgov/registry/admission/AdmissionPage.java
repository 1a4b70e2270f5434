package io.mcpgov.registry.admission;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** A page of admissions: the items under their own member, and {@link PageMetadata} beside them. */
public record AdmissionPage(List<AdmissionView> admissions, PageMetadata metadata) {

    public static AdmissionPage of(Page<AdmissionView> page) {
        return new AdmissionPage(page.items(), page.metadata());
    }
}
