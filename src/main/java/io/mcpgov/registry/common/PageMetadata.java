package io.mcpgov.registry.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code metadata} member of every list the registry serves, as in the official API's list: the cursor of the next
 * page (absent on the last) and the number of items on this one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageMetadata(String nextCursor, int count) {
}
