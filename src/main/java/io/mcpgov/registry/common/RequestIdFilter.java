package io.mcpgov.registry.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every API response names its request id, so a caller can quote it and an auditor can find it. */
public class RequestIdFilter {

    @Inject
    RequestInfo requestInfo;

    @ServerResponseFilter
    public void addRequestId(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestInfo.HEADER, requestInfo.requestId());
    }
}
