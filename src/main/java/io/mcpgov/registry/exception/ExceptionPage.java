package io.mcpgov.registry.exception;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** A page of exceptions: the items under their own member, and {@link PageMetadata} beside them. */
public record ExceptionPage(List<ExceptionView> exceptions, PageMetadata metadata) {

    public static ExceptionPage of(Page<ExceptionView> page) {
        return new ExceptionPage(page.items(), page.metadata());
    }
}
