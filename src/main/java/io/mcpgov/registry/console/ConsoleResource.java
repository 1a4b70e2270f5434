package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.console.Views.Chrome;
import io.mcpgov.registry.console.Views.ErrorView;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.exception.ExceptionRequest;
import io.mcpgov.registry.exception.ExceptionService;
import io.mcpgov.registry.exception.ExceptionView;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.tool.ToolReviewService;
import io.mcpgov.registry.tool.ToolReviewView;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The web console: server-rendered pages for reviewers, owners, admins and auditors, signed in through the OIDC
 * authorization code flow (tenant {@code console}). Every read and every decision goes through the services the API
 * uses, so the same visibility, four-eyes rule, reasons and audit apply. Agents are refused.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private static final Logger LOG = Logger.getLogger(ConsoleResource.class);
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    /** Notices after a decision: fixed sentences, never text from the request. */
    private static final Map<String, String> NOTICES = Map.of(
            "exception-approved", "Exception approved: the server is listed while the exception lasts.",
            "exception-rejected", "Exception rejected: the server stays hidden from agents.",
            "tool-approved", "Tool approved: agents may use it in every version that carries this definition.",
            "tool-rejected", "Tool rejected: it is unavailable to agents.",
            "exception-requested", "Exception requested: a reviewer other than you will decide it.",
            "exception-revoked", "Exception revoked: the versions it covered are hidden from agents again.",
            "tool-revoked", "Tool approval revoked: the tool is unavailable to agents until approved again.");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance queue(Chrome chrome, ReviewQueue.Queue queue, String server, String notice,
                String noticeServer, String noticeHref);

        static native TemplateInstance server(Chrome chrome, Views.ServerDetail detail);

        static native TemplateInstance servers(Chrome chrome, List<Views.ServerLine> servers, String search,
                String next);

        static native TemplateInstance overview(Chrome chrome, GovernanceOverview.Overview overview);

        static native TemplateInstance owners(Chrome chrome, OwnersView.Owners owners, String notice);

        static native TemplateInstance error(Chrome chrome, ErrorView error);

        static native TemplateInstance signedOut();
    }

    @Inject
    Caller caller;
    @Inject
    ConsoleCsrf csrf;
    @Inject
    CurrentVertxRequest current;
    @Inject
    RequestInfo requestInfo;
    @Inject
    ConsoleConfig settings;
    @Inject
    ReviewQueue reviewQueue;
    @Inject
    ServerPage serverPage;
    @Inject
    ConsoleServers servers;
    @Inject
    GovernanceOverview overview;
    @Inject
    OwnersView owners;
    @Inject
    ExceptionService exceptions;
    @Inject
    ToolReviewService toolReviews;
    @Inject
    Instance<OidcSession> session;
    @Inject
    Instance<OidcConfigurationMetadata> metadata;

    @GET
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public Response home() {
        String page = caller.has(Roles.REVIEWER) ? "queue" : caller.has(Roles.PUBLISHER) ? "owners" : "overview";
        return Response.seeOther(URI.create("/console/" + page)).build();
    }

    /** Where the identity provider sends the browser back; the sign-in then returns to the page first asked for. */
    @GET
    @Path("/callback")
    @Authenticated
    public Response callback() {
        return Response.seeOther(URI.create("/console")).build();
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance queue(@QueryParam("server") String server, @QueryParam("notice") String notice,
            @QueryParam("subject") String subject) {
        String text = notice == null ? null : NOTICES.get(notice);
        String about = text == null || subject == null || subject.isBlank() ? null : subject;
        return Templates.queue(chrome("queue"), reviewQueue.pending(server, settings.pageSize()),
                server == null ? "" : server.trim(), text, about, about == null ? null : Text.serverHref(about));
    }

    @POST
    @Path("/exceptions/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response decideException(@PathParam("id") String id, @FormParam(ConsoleCsrf.FIELD) String token,
            @FormParam("decision") String decision, @FormParam("reason") String reason) {
        csrf.verify(context(), caller.subject(), token);
        UUID uuid = uuid(id, "Exception not found.");
        DecisionRequest body = new DecisionRequest(reason);
        ExceptionView decided = switch (decision == null ? "" : decision) {
            case "approve" -> exceptions.approve(uuid, body);
            case "reject" -> exceptions.reject(uuid, body);
            default -> throw unknownDecision();
        };
        return afterDecision("exception-" + decided.state(), decided.serverName());
    }

    @POST
    @Path("/tool-reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    public Response decideTool(@PathParam("id") String id, @FormParam(ConsoleCsrf.FIELD) String token,
            @FormParam("decision") String decision, @FormParam("reason") String reason) {
        csrf.verify(context(), caller.subject(), token);
        UUID uuid = uuid(id, "Tool review not found.");
        DecisionRequest body = new DecisionRequest(reason);
        ToolReviewView decided = switch (decision == null ? "" : decision) {
            case "approve" -> toolReviews.approve(uuid, body);
            case "reject" -> toolReviews.reject(uuid, body);
            default -> throw unknownDecision();
        };
        return afterDecision("tool-" + decided.state(), decided.serverName());
    }

    @POST
    @Path("/exceptions/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response revokeException(@PathParam("id") String id, @FormParam(ConsoleCsrf.FIELD) String token,
            @FormParam("reason") String reason) {
        csrf.verify(context(), caller.subject(), token);
        ExceptionView revoked = exceptions.revoke(uuid(id, "Exception not found."), new DecisionRequest(reason));
        return toServer(revoked.serverName(), "exception-revoked");
    }

    @POST
    @Path("/tool-reviews/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public Response revokeTool(@PathParam("id") String id, @FormParam(ConsoleCsrf.FIELD) String token,
            @FormParam("reason") String reason) {
        csrf.verify(context(), caller.subject(), token);
        ToolReviewView revoked = toolReviews.revoke(uuid(id, "Tool review not found."), new DecisionRequest(reason));
        return toServer(revoked.serverName(), "tool-revoked");
    }

    @GET
    @Path("/servers")
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance servers(@QueryParam("search") String search, @QueryParam("cursor") String cursor) {
        Page<JsonNode> page = servers.latest(search, cursor, settings.pageSize());
        return Templates.servers(chrome("servers"), page.items().stream().map(servers::line).toList(),
                search == null ? "" : search.trim(),
                page.nextCursor() == null ? null : "/console/servers?search=" + Text.encode(search == null ? "" : search.trim())
                        + "&cursor=" + Text.encode(page.nextCursor()));
    }

    @GET
    @Path("/server")
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance server(@QueryParam("name") String name, @QueryParam("version") String version,
            @QueryParam("notice") String notice) {
        if (name == null || name.isBlank()) {
            throw ProblemException.notFound("Server not found.");
        }
        return Templates.server(chrome("servers"), serverPage.build(name.trim(), version,
                notice == null ? null : NOTICES.get(notice)));
    }

    @GET
    @Path("/overview")
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance overview() {
        return Templates.overview(chrome("overview"), overview.build());
    }

    @GET
    @Path("/owners")
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance owners(@QueryParam("notice") String notice) {
        return Templates.owners(chrome("owners"), owners.build(), notice == null ? null : NOTICES.get(notice));
    }

    /** A publisher of the owning team asks for an API-key exception; a reviewer decides it in the queue. */
    @POST
    @Path("/exceptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PUBLISHER)
    public Response requestException(@FormParam(ConsoleCsrf.FIELD) String token,
            @FormParam("serverName") String serverName, @FormParam("versionRange") String versionRange,
            @FormParam("classification") String classification, @FormParam("ends") String ends,
            @FormParam("justification") String justification, @FormParam("rotationDays") String rotationDays,
            @FormParam("keyStorage") String keyStorage, @FormParam("offboardingOwner") String offboardingOwner) {
        csrf.verify(context(), caller.subject(), token);
        OffsetDateTime end = endOfDay(ends);
        boolean permanent = "permanent".equals(classification);
        exceptions.request(new ExceptionRequest(serverName, versionRange, classification, justification,
                permanent ? null : end, permanent ? end : null,
                new ExceptionRequest.CompensatingControls(number(rotationDays), keyStorage, offboardingOwner)));
        return Response.seeOther(URI.create("/console/owners?notice=exception-requested")).build();
    }

    /**
     * Ends the console session (its cookie) and, when the identity provider offers RP-initiated logout, ends the
     * session there too before coming back to the signed-out page.
     */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Uni<Response> logout(@FormParam(ConsoleCsrf.FIELD) String token) {
        RoutingContext context = context();
        csrf.verify(context, caller.subject(), token);
        String signedOut = context.request().scheme() + "://" + context.request().authority() + "/console/signed-out";
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        String idToken = session.get().getIdToken() == null ? null : session.get().getIdToken().getRawToken();
        URI target = endSession == null || idToken == null ? URI.create("/console/signed-out")
                : URI.create(endSession + (endSession.contains("?") ? "&" : "?") + "post_logout_redirect_uri="
                        + Text.encode(signedOut) + "&id_token_hint=" + Text.encode(idToken));
        return session.get().logout().map(done -> Response.seeOther(target).build());
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    private Response afterDecision(String notice, String serverName) {
        return Response.seeOther(URI.create("/console/queue?notice=" + Text.encode(notice) + "&subject="
                + Text.encode(serverName))).build();
    }

    private Response toServer(String serverName, String notice) {
        return Response.seeOther(URI.create(Text.serverHref(serverName) + "&notice=" + Text.encode(notice))).build();
    }

    private Chrome chrome(String active) {
        return new Chrome(caller.subject(), String.join(", ", caller.roles()), csrf.token(context(), caller.subject()),
                active, true, true, true);
    }

    private RoutingContext context() {
        return current.getCurrent();
    }

    private static UUID uuid(String id, String notFound) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(notFound);
        }
    }

    /** A date from a date field, as the end of that day in UTC; null when absent (the service then says so). */
    private static OffsetDateTime endOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).atTime(23, 59, 59).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The date is not valid.",
                    new io.mcpgov.registry.common.Violation("date-invalid", "/ends", "ends must be a date (yyyy-mm-dd)"));
        }
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException unknownDecision() {
        return ProblemException.badRequest("Choose approve or reject.",
                new io.mcpgov.registry.common.Violation("decision-invalid", "/decision", "decision must be approve or reject"));
    }

    // ---- errors: HTML pages, never a stack trace ----------------------------------------------------------------

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        List<String> problems = e.errors().stream()
                .map(v -> v.ruleId() + (v.path() == null || v.path().isEmpty() ? "" : " (" + v.path() + ")") + ": "
                        + v.message())
                .toList();
        return page(e.status(), e.title(), e.detail(), problems, false);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = caller.has(Roles.AGENT) && caller.roles().size() == 1
                ? "The console is for reviewers, publishers, admins and auditors. Agents use the registry's API."
                : "Your roles do not allow this page or action.";
        return page(403, "Forbidden", detail, List.of(), false);
    }

    /** Not signed in: start the authorization code flow (a redirect to the identity provider). */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e) {
        RoutingContext context = context();
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(page(401, "Sign-in required", "Sign in to use the console.", List.of(), true));
        }
        return authenticator.getChallenge(context).map(challenge -> {
            Response.ResponseBuilder builder = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> builder.header(name.toString(), value));
            return builder.build();
        });
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response signInFailed(RuntimeException e) {
        return page(401, "Sign-in failed", "The sign-in could not be completed (it may have expired). Sign in again.",
                List.of(), true);
    }

    @ServerExceptionMapper
    public Response redirect(AuthenticationRedirectException e) {
        return Response.status(e.getCode()).header("Location", e.getRedirectUri()).header("Cache-Control", "no-store")
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return page(status, title, "The request could not be handled: " + title + ".", List.of(), false);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof AuthenticationRedirectException redirect) {
            return redirect(redirect);
        }
        LOG.errorf(e, "Console failure (request %s)", requestInfo.requestId());
        return page(500, "Something went wrong", "The console could not show this page. Quote the request id when"
                + " reporting it.", List.of(), false);
    }

    private Response page(int status, String title, String detail, List<String> problems, boolean signIn) {
        Chrome chrome = null;
        try {
            if (!caller.anonymous() && status != 401) {
                chrome = chrome("");
            }
        } catch (RuntimeException e) {
            chrome = null;
        }
        String html = Templates.error(chrome, new ErrorView(status, title, detail, problems, requestInfo.requestId(),
                signIn)).render();
        return Response.status(status).type(HTML).entity(html).build();
    }
}
