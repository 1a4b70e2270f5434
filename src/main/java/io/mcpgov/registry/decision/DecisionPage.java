package io.mcpgov.registry.decision;

import java.util.List;

/** A page of a decision queue; {@code nextCursor} is null on the last page. */
public record DecisionPage<V>(List<V> items, String nextCursor) {
}
