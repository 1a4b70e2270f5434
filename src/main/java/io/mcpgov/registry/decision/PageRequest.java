package io.mcpgov.registry.decision;

import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.Violation;
import java.util.List;

/** Where a page of a decision queue starts ({@code cursor}: an offset) and how long it is. */
public record PageRequest(int offset, int limit) {

    /** Adds a violation for each parameter out of range; the defaults stand in for absent ones. */
    public static PageRequest of(String cursor, String limit, List<Violation> errors) {
        int offset = (int) QueryParams.number(cursor, "/cursor", 0, Integer.MAX_VALUE, 0, errors);
        int size = PageSize.REGISTRY.read(limit, errors);
        return new PageRequest(offset, size);
    }
}
