package io.mcpgov.registry.limits;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Every API operation may answer 429 when its caller spent a budget; the OpenAPI document says so once for all. */
public class RateLimitedResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("429")) {
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse().description("The caller spent"
                    + " the budget this operation counts against (registry.limits.*); retry after Retry-After seconds"
                    + " (application/problem+json, rule rate-limited)"));
        }
        return operation;
    }
}
