package io.mcpgov.registry.audit;

import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refused write (401 or 403 on a write operation, or a 404 that stands for a 403 because the entry is hidden from
 * the caller) is an audit event too: {@code authorization.denied} on the
 * target {@code operation} ("METHOD /path"), written in its own transaction since the refused change never ran.
 * It records who (when the token was valid), the status, whether a credential was sent and the refusal's rule ids;
 * never the token, the body or the query.
 */
public class DeniedAccessRecorder {

    public static final String ACTION = "authorization.denied";
    private static final int MAX_PATH = 512;

    @Inject
    RequestInfo requestInfo;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    DeniedAccessLog log;

    @ServerResponseFilter
    public Uni<Void> recordDenied(ContainerRequestContext request, ContainerResponseContext response,
            ResourceInfo resource) {
        int status = response.getStatus();
        RequestInfo.ConcealedRefusal concealed = status == 404 ? requestInfo.concealedRefusal() : null;
        if ((status != 401 && status != 403 && concealed == null) || resource == null
                || !AuditedOperations.isWrite(resource.getResourceMethod())) {
            return Uni.createFrom().voidItem();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String target = request.getMethod() + " " + (path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("credential", request.getHeaderString(HttpHeaders.AUTHORIZATION) == null ? "none"
                : status == 401 ? "rejected" : "accepted");
        if (concealed != null) {
            // refused, and answered as a name that does not exist (an entry hidden from the caller)
            after.put("status", concealed.status());
            after.put("answeredAs", status);
            after.put("ruleIds", concealed.ruleIds().stream().distinct().toList());
        } else if (response.getEntity() instanceof Problem problem && !problem.errors().isEmpty()) {
            after.put("ruleIds", problem.errors().stream().map(Violation::ruleId).distinct().toList());
        }
        String requestId = requestInfo.requestId();
        String source = requestInfo.sourceAddress();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(identity -> log.record(draft(identity, target, after, requestId, source)))
                .replaceWithVoid();
    }

    private AuditRecord draft(SecurityIdentity identity, String target, Map<String, Object> after, String requestId,
            String source) {
        boolean known = identity != null && !identity.isAnonymous();
        List<String> roles = known ? List.copyOf(new TreeSet<>(identity.getRoles())) : List.of();
        return new AuditRecord(0, Times.now(), known ? Caller.subjectOf(identity) : null,
                known ? Caller.clientIdOf(identity) : null, String.join(",", roles), ACTION, "operation", target, null,
                log.json(after), requestId, source);
    }
}
