package io.mcpgov.registry.console;

import java.util.List;

/** What the console's templates render: plain values, already chosen and formatted, never secrets. */
public final class Views {

    private Views() {
    }

    /** The frame of every page: who is signed in, the logout form's token, which navigation entries to show. */
    public record Chrome(String user, String roles, String csrf, String active, boolean queue, boolean mine,
            boolean overview) {
    }

    /** A reason an entry is not listed, with the action that would unblock it. */
    public record Block(String ruleId, String message, String action) {
    }

    /** One server version in a list. */
    public record ServerLine(String name, String version, String href, String description, String status,
            boolean listed, List<Block> blocks, String authType, String verification, String team, String owner,
            String exception) {
    }

    public record Remote(int index, String transport, String url, String auth, String credentials,
            String verdict, String failedChecks, String detail, String summary) {
    }

    public record PackageLine(int index, String registryType, String identifier, String transport, String auth,
            String credentials) {
    }

    public record Tool(String name, String title, String classification, String scopes, String approval,
            boolean available, String findings, String reviewId, boolean mayRevoke) {
    }

    public record VersionLine(String version, String href, String status, String published, boolean latest,
            boolean listed, String authType, String verification, boolean selected) {
    }

    public record ExceptionLine(String id, String state, String classification, String versionRange, String ends,
            String requestedBy, String decidedBy, String reason, boolean mayRevoke) {
    }

    public record AuditLine(String when, String actor, String action, String target) {
    }

    public record OAuth(String resource, String authorizationServers, String scopesSupported, String scopesRequired,
            String registration) {
    }

    public record ServerDetail(ServerLine line, String statusMessage, String published, String verificationChecked,
            List<Remote> remotes, List<PackageLine> packages, OAuth oauth, List<Tool> tools, List<String> toolChanges,
            List<VersionLine> versions, List<ExceptionLine> exceptions, List<AuditLine> audit, boolean auditShown,
            String notice) {
    }

    /** An API-key exception waiting for a decision, with what a reviewer needs to decide it. */
    public record ExceptionItem(String id, String serverName, String serverHref, String classification,
            String versionRange, String ends, String justification, int rotationDays, String keyStorage,
            String offboardingOwner, String requestedBy, String requestedAt, String waiting, String authType,
            List<Remote> remotes, String verification, boolean mayDecide, String fourEyes, String state) {
    }

    /** A tool definition waiting for a decision. */
    public record ToolItem(String id, String serverName, String serverHref, String toolName, String classification,
            String reasons, String scopes, String description, String versions, String requestedBy,
            String requestedAt, String waiting, String authType, String verification, boolean mayDecide,
            String fourEyes, String state) {
    }

    /** A bar of a chart: label, count, and its width in percent of the largest. */
    public record Bar(String label, long count, int percent, String css, int y) {
    }

    public record Chart(String id, String title, List<Bar> bars, int height, long total) {
    }

    /** One panel of the governance overview (see {@link OverviewSection}). */
    public record Panel(String id, String title, String description, String empty, List<PanelRow> rows, long total) {
    }

    public record PanelRow(String label, String href, String detail, String tag) {
    }

    public record ErrorView(int status, String title, String detail, List<String> problems, String requestId,
            boolean signIn) {
    }
}
