import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Generates the benchmark's data set: server versions shaped like the official MCP registry's data (reverse-DNS names,
 * mostly one version per server with a long tail, semver with some pre-releases and non-semver versions, descriptions
 * up to 100 characters, a remotes/packages mix, API-key headers and secret environment variables), plus what this
 * registry governs: OAuth declarations, tools with scopes, and API-key-only servers of which some get an exception.
 *
 * <pre>java bench/Generate.java --versions N --out DIR [--seed 7] [--page-size 100]</pre>
 *
 * Writes into DIR:
 * <ul>
 * <li>{@code source/pages/first.json}, {@code source/pages/cNNNNNN.json}: the set as the official list API pages it
 * ({@code {"servers":[{"server","_meta"}],"metadata":{"nextCursor","count"}}}); cursors are opaque page ids, the
 * last page has no nextCursor. Ordered by name, each server's versions in publication order.</li>
 * <li>{@code docs.ndjson}: one server.json per line, each server's versions together and in publication order.</li>
 * <li>{@code exceptions.txt}: API-key-only servers whose owners request an exception after loading.</li>
 * <li>{@code namespaces.txt}: top-level namespace labels that an admin maps to the benchmark team.</li>
 * <li>{@code get-paths.txt}: {@code /v0.1/servers/{name}/versions/{version}} (URL-encoded) of every version an
 * agent sees once the exceptions are approved.</li>
 * <li>{@code search-terms.txt}: name substrings that hit.</li>
 * <li>{@code publish-templates.txt}: server.json templates for the publish scenario, with __NAME__, __VERSION__ and
 * __HOST__ placeholders.</li>
 * <li>{@code summary.json}: counts by kind and what an agent should see.</li>
 * </ul>
 */
public class Generate {

    static final String GOV = "io.mcpgov.registry/governance";
    static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";
    static final String OFFICIAL = "io.modelcontextprotocol.registry/official";
    static final String SCHEMA_PREFIX = "https://static.modelcontextprotocol.io/schemas/";
    static final String SCHEMA_SUFFIX = "/server.schema.json";

    /** How a server is used; fixed for all its versions. Shares are per server name. */
    enum Kind {
        OAUTH_REMOTE(18, true), OAUTH_REMOTE_AND_SECRET_PACKAGE(4, true), APIKEY_BEARER_REMOTE(9, false),
        APIKEY_HEADER_REMOTE(5, false), APIKEY_SAME_URL_TWICE(2, false), BARE_REMOTE(10, true),
        SECRET_PACKAGE(24, false), PLAIN_PACKAGE(24, true), METADATA_ONLY(4, true);

        final int share;
        /** Listed for agents without an exception (OAuth, or no credential at all). */
        final boolean listedWithoutException;

        Kind(int share, boolean listedWithoutException) {
            this.share = share;
            this.listedWithoutException = listedWithoutException;
        }

        boolean apiKeyOnly() {
            return !listedWithoutException;
        }

        boolean oauth() {
            return this == OAUTH_REMOTE || this == OAUTH_REMOTE_AND_SECRET_PACKAGE;
        }
    }

    static final String[] TOPICS = {"weather", "github", "slack", "jira", "notion", "postgres", "calendar", "email",
            "search", "maps", "finance", "crypto", "docs", "browser", "figma", "stripe", "shopify", "linear", "sentry",
            "kubernetes", "aws", "gcp", "azure", "redis", "mongo", "sqlite", "files", "memory", "time", "translate",
            "youtube", "spotify", "reddit", "news", "pdf", "image", "audio", "code", "git", "terraform", "docker",
            "home-assistant", "airtable", "hubspot", "salesforce", "zendesk", "confluence", "trello", "asana", "todo",
            "notes", "wiki", "arxiv", "pubmed", "chemistry", "stocks", "banking", "invoice", "tax", "hr", "crm",
            "erp", "security", "scanner", "vuln", "logs", "metrics", "grafana", "prometheus", "elastic", "vector",
            "rag", "embeddings", "llm", "agent", "workflow", "automation", "sheets", "drive", "dropbox", "box",
            "twilio", "sms", "voice", "video", "ocr", "scraper", "fetch", "playwright", "puppeteer", "jupyter",
            "pandas", "bigquery", "snowflake", "dbt", "airflow", "kafka", "rabbitmq", "ci", "deploy", "vercel",
            "netlify", "cloudflare", "dns", "whois", "ip", "geo", "travel", "flights", "hotels", "recipes", "fitness",
            "health", "legal", "patents", "education", "quiz", "chess", "music", "podcast", "blog", "seo", "ads",
            "analytics", "survey", "forms", "support", "tickets", "inventory", "shipping", "payments", "accounting"};
    static final String[] SUFFIXES = {"mcp", "mcp-server", "server", "tools", "bridge", "connector", "assistant",
            "api", "helper", "gateway"};
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "te", "zu", "no", "vi", "sa", "be", "do", "ri",
            "an", "el", "or", "ix", "qu", "ty", "ne", "po", "la", "ma", "ko", "ve", "xi", "yu", "ha", "fe", "gi", "ju"};
    static final String[] COMPANY_WORDS = {"labs", "cloud", "data", "works", "tech", "soft", "ai", "io", "hq",
            "systems", "digital", "stack", "base", "flow", "hub", "ops", "dev", "net"};
    /** Top-level labels and how often a namespace starts with each (io.github dominates the real data). */
    static final String[][] NAMESPACE_STYLES = {{"io.github", "62"}, {"com", "14"}, {"ai", "10"}, {"dev", "4"},
            {"app", "3"}, {"live", "2"}, {"net", "2"}, {"org", "2"}, {"io", "1"}};
    static final String[] SCHEMA_DATES = {"2025-12-11", "2025-10-17", "2025-09-29", "2025-09-16"};
    static final int[] SCHEMA_WEIGHTS = {30, 40, 25, 5};
    static final String[] VERBS = {"Query", "Search", "Manage", "Read", "Create and update", "Monitor", "Analyze",
            "Automate", "Explore", "Sync", "Summarize", "Browse", "Track", "Connect to", "Access"};
    static final String[] NOUNS = {"records", "issues", "documents", "messages", "events", "reports", "projects",
            "files", "tickets", "dashboards", "datasets", "pipelines", "orders", "contacts", "workspaces", "notes"};
    static final String[] QUALIFIERS = {"from your AI assistant", "with natural language", "through MCP tools",
            "in real time", "for teams", "with fine-grained access", "using the official API", "securely",
            "across projects", "without leaving the chat", "with rich filtering", "for agents and IDEs"};
    static final String[][] READ_TOOLS = {{"get", "Get one"}, {"list", "List"}, {"search", "Search"},
            {"describe", "Describe"}, {"fetch", "Fetch"}};
    static final String[][] WRITE_TOOLS = {{"create", "Create"}, {"update", "Update"}, {"send", "Send"},
            {"add", "Add"}};
    static final String[][] DESTRUCTIVE_TOOLS = {{"delete", "Delete"}, {"remove", "Remove"}, {"cancel", "Cancel"}};
    static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$");

    final Random random;
    final int pageSize;

    Generate(long seed, int pageSize) {
        this.random = new Random(seed);
        this.pageSize = pageSize;
    }

    /** One server name and everything fixed across its versions. */
    static final class Server {
        String namespace;
        String name;
        String host;
        String topic;
        String handle;
        Kind kind;
        List<String> versions = new ArrayList<>();
        List<Instant> published = new ArrayList<>();
        boolean exception;
        // fixed shape, chosen once
        String schemaDate;
        String title;
        String repositoryStyle;
        boolean website;
        boolean sseToo;
        String packageType;
        boolean governanceInPublisherProvided;
        int tools;
        String scopeStyle;
        String registrationMode;
        boolean prm;
        String authServer;
        int envVars;
        String apiKeyHeaderStyle;
    }

    public static void main(String[] args) throws IOException {
        int versions = 0;
        long seed = 7;
        int pageSize = 100;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--versions" -> versions = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (versions < 10 || out == null || pageSize < 1 || pageSize > 100) {
            usage("--versions (at least 10) and --out are required; --page-size is 1..100");
        }
        new Generate(seed, pageSize).run(versions, out);
    }

    static void usage(String message) {
        System.err.println("Generate: " + message);
        System.err.println("usage: java bench/Generate.java --versions N --out DIR [--seed 7] [--page-size 100]");
        System.exit(2);
    }

    void run(int total, Path out) throws IOException {
        List<Server> servers = servers(total);
        Files.createDirectories(out.resolve("source/pages"));

        Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);
        int listedVersions = 0;
        int exceptions = 0;
        int withTools = 0;
        long bytes = 0;
        try (BufferedWriter docs = Files.newBufferedWriter(out.resolve("docs.ndjson"));
                BufferedWriter gets = Files.newBufferedWriter(out.resolve("get-paths.txt"));
                BufferedWriter exc = Files.newBufferedWriter(out.resolve("exceptions.txt"))) {
            for (Server server : servers) {
                int[] counts = byKind.computeIfAbsent(server.kind, k -> new int[2]);
                counts[0]++;
                counts[1] += server.versions.size();
                if (server.exception) {
                    exc.write(server.name);
                    exc.newLine();
                    exceptions++;
                }
                if (server.tools > 0) {
                    withTools++;
                }
                for (String version : server.versions) {
                    String doc = Json.write(document(server, version, server.name, server.host));
                    bytes += doc.length();
                    docs.write(doc);
                    docs.newLine();
                    if (server.kind.listedWithoutException || server.exception) {
                        listedVersions++;
                        gets.write("/v0.1/servers/" + encode(server.name) + "/versions/" + encode(version));
                        gets.newLine();
                    }
                }
            }
        }
        int pages = writePages(servers, out.resolve("source/pages"));
        writeSearchTerms(servers, out.resolve("search-terms.txt"));
        writePublishTemplates(out.resolve("publish-templates.txt"));
        Set<String> labels = new java.util.TreeSet<>();
        for (Server server : servers) {
            labels.add(server.namespace.split("\\.")[0]);
        }
        labels.add("io"); // the publish scenario's namespace io.bench.publish
        Files.write(out.resolve("namespaces.txt"), labels);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("versions", total);
        summary.put("servers", servers.size());
        summary.put("sourcePages", pages);
        summary.put("averageDocumentBytes", total == 0 ? 0 : bytes / total);
        summary.put("serversWithTools", withTools);
        summary.put("apiKeyExceptions", exceptions);
        summary.put("versionsListedForAgents", listedVersions);
        Map<String, Object> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, counts) -> kinds.put(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                Map.of("servers", counts[0], "versions", counts[1])));
        summary.put("kinds", kinds);
        Files.writeString(out.resolve("summary.json"), Json.write(summary) + "\n");
        System.out.println("generated " + total + " versions of " + servers.size() + " servers in " + pages
                + " source pages; " + listedVersions + " listed for agents once " + exceptions
                + " exceptions are approved; average document " + (bytes / total) + " bytes");
    }

    // ----------------------------------------------------------------------------------------------------------
    // Servers, names and versions
    // ----------------------------------------------------------------------------------------------------------

    List<Server> servers(int total) {
        List<Server> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> aggregators = new ArrayList<>();
        int remaining = total;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        while (remaining > 0) {
            Server server = new Server();
            String namespace;
            // about one name in six lives in a namespace that already has servers (vendors and aggregators)
            if (!aggregators.isEmpty() && random.nextInt(6) == 0) {
                namespace = aggregators.get(random.nextInt(aggregators.size()));
            } else {
                namespace = newNamespace();
                if (random.nextInt(20) == 0) {
                    aggregators.add(namespace);
                }
            }
            String topic = pick(TOPICS);
            String part;
            do {
                part = switch (random.nextInt(5)) {
                    case 0 -> topic + "-" + pick(SUFFIXES);
                    case 1 -> "mcp-" + topic;
                    case 2 -> topic + "-" + pick(TOPICS) + "-" + pick(SUFFIXES);
                    case 3 -> topic;
                    default -> word(2) + "-" + topic + "-mcp";
                };
                if (names.contains(namespace + "/" + part)) {
                    part = part + "-" + (2 + random.nextInt(98));
                }
            } while (names.contains(namespace + "/" + part));
            server.namespace = namespace;
            server.name = namespace + "/" + part;
            names.add(server.name);
            List<String> labels = new ArrayList<>(List.of(namespace.split("\\.")));
            java.util.Collections.reverse(labels);
            server.host = part + "." + String.join(".", labels) + ".bench.invalid";
            server.topic = topic;
            String[] nsLabels = namespace.split("\\.");
            server.handle = nsLabels[nsLabels.length - 1];
            server.kind = kind();
            shape(server);
            int count = Math.min(remaining, versionCount());
            versions(server, count, start.plus(random.nextInt(240 * 24), ChronoUnit.HOURS));
            remaining -= count;
            servers.add(server);
        }
        // about one in five API-key-only servers gets an exception requested and approved after loading
        for (Server server : servers) {
            server.exception = server.kind.apiKeyOnly() && random.nextInt(5) == 0;
        }
        return servers;
    }

    String newNamespace() {
        int roll = random.nextInt(100);
        int acc = 0;
        String top = "io.github";
        for (String[] style : NAMESPACE_STYLES) {
            acc += Integer.parseInt(style[1]);
            if (roll < acc) {
                top = style[0];
                break;
            }
        }
        String handle = top.equals("io.github")
                ? word(2 + random.nextInt(2)) + (random.nextInt(4) == 0 ? Integer.toString(random.nextInt(100)) : "")
                : word(2) + (random.nextBoolean() ? "-" + pick(COMPANY_WORDS) : pick(COMPANY_WORDS));
        if (top.equals("live") && random.nextBoolean()) {
            return top + "." + handle + ".staging";
        }
        return top + "." + handle;
    }

    Kind kind() {
        int roll = random.nextInt(100);
        int acc = 0;
        for (Kind kind : Kind.values()) {
            acc += kind.share;
            if (roll < acc) {
                return kind;
            }
        }
        return Kind.PLAIN_PACKAGE;
    }

    /** Versions per server as in the official data: mostly one, a long tail, about 2.3 on average. */
    int versionCount() {
        int roll = random.nextInt(1000);
        if (roll < 630) {
            return 1;
        }
        if (roll < 790) {
            return 2;
        }
        if (roll < 865) {
            return 3;
        }
        if (roll < 910) {
            return 4;
        }
        if (roll < 935) {
            return 5;
        }
        if (roll < 990) {
            return 6 + random.nextInt(5);
        }
        return 11 + random.nextInt(50);
    }

    void versions(Server server, int count, Instant first) {
        int style = random.nextInt(100);
        int major = random.nextInt(4) == 0 ? 1 : 0;
        int minor = random.nextInt(4);
        int patch = random.nextInt(3);
        if (major == 0 && minor == 0 && patch == 0) {
            patch = 1;
        }
        Instant at = first;
        for (int i = 0; i < count; i++) {
            String version;
            if (style < 86) { // plain semver, some pre-releases on the way to a release
                version = major + "." + minor + "." + patch + (random.nextInt(25) == 0 ? "-beta." + (1 + random.nextInt(9)) : "");
            } else if (style < 91) { // a long run of pre-releases, as some projects publish
                version = (major + 1) + ".0.0-alpha." + (100 + i);
            } else if (style < 94) { // v-prefixed: not semver
                version = "v" + major + "." + minor + "." + patch;
            } else if (style < 96) { // calendar versions
                java.time.LocalDate d = java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
                version = d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            } else if (style < 98) { // build metadata
                version = major + "." + minor + "." + patch + "+build." + (40 + i);
            } else { // python-style dev releases: not semver
                version = major + "." + minor + "." + patch + ".dev" + (1 + i);
            }
            if (server.versions.contains(version)) {
                version = version + (version.contains("+") ? "." : "+") + "r" + i;
            }
            server.versions.add(version);
            server.published.add(at);
            at = at.plus(1 + random.nextInt(72), ChronoUnit.HOURS);
            int bump = random.nextInt(100);
            if (bump < 3) {
                major++;
                minor = 0;
                patch = 0;
            } else if (bump < 20) {
                minor++;
                patch = 0;
            } else {
                patch++;
            }
        }
    }

    void shape(Server server) {
        server.schemaDate = weighted(SCHEMA_DATES, SCHEMA_WEIGHTS);
        server.title = random.nextInt(4) == 0 ? titleOf(server.topic) : null;
        int repo = random.nextInt(100);
        server.repositoryStyle = repo < 80 ? "github" : repo < 85 ? "github-subfolder" : repo < 88 ? "empty" : "none";
        server.website = random.nextInt(9) == 0;
        server.sseToo = random.nextInt(7) == 0;
        int pkg = random.nextInt(100);
        server.packageType = pkg < 52 ? "npm" : pkg < 83 ? "pypi" : pkg < 97 ? "oci" : "nuget";
        server.governanceInPublisherProvided = random.nextBoolean();
        server.tools = switch (server.kind) {
            case OAUTH_REMOTE, OAUTH_REMOTE_AND_SECRET_PACKAGE -> random.nextInt(10) < 7 ? 1 + random.nextInt(8) : 0;
            case METADATA_ONLY -> 0;
            default -> random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0;
        };
        server.scopeStyle = random.nextInt(3) == 0 ? "colon" : "dot";
        int mode = random.nextInt(10);
        server.registrationMode = mode < 5 ? "client-id-metadata-document" : mode < 8 ? "dynamic" : "pre-registered";
        server.prm = random.nextBoolean();
        server.authServer = "https://login." + (random.nextInt(3) == 0 ? "shared-idp" : server.handle) + ".bench.invalid"
                + (random.nextBoolean() ? "/realms/" + server.handle : "");
        // most packages need a few settings; about one in a hundred needs dozens (the official data's largest
        // documents, tens of kilobytes, are such configuration-heavy packages)
        server.envVars = random.nextInt(100) == 0 ? 10 + random.nextInt(40) : random.nextInt(4);
        server.apiKeyHeaderStyle = pick(new String[] {"X-API-Key", "x-api-key", "X-Api-Key-plain", "Authorization-secret"});
    }

    // ----------------------------------------------------------------------------------------------------------
    // Documents
    // ----------------------------------------------------------------------------------------------------------

    /** The server.json of one version (name and host given so publish templates can reuse the shape). */
    Map<String, Object> document(Server server, String version, String name, String host) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", SCHEMA_PREFIX + server.schemaDate + SCHEMA_SUFFIX);
        doc.put("name", name);
        if (server.title != null) {
            doc.put("title", server.title);
        }
        doc.put("description", description(server, version));
        switch (server.repositoryStyle) {
            case "github" -> doc.put("repository", map("url", "https://github.com/" + server.handle + "/" + server.topic + "-mcp",
                    "source", "github"));
            case "github-subfolder" -> doc.put("repository", map("url", "https://github.com/" + server.handle + "/mcp-servers",
                    "source", "github", "subfolder", "servers/" + server.topic));
            case "empty" -> doc.put("repository", new LinkedHashMap<>());
            default -> { }
        }
        doc.put("version", version);
        if (server.website) {
            doc.put("websiteUrl", "https://www." + host + "/docs");
        }
        String url = "https://" + host + "/mcp";
        List<Object> remotes = new ArrayList<>();
        List<Object> packages = new ArrayList<>();
        Map<String, Object> governance = new LinkedHashMap<>();
        switch (server.kind) {
            case OAUTH_REMOTE, BARE_REMOTE -> remotes.addAll(bareRemotes(server, host));
            case OAUTH_REMOTE_AND_SECRET_PACKAGE -> {
                remotes.addAll(bareRemotes(server, host));
                packages.add(pkg(server, version, true));
            }
            case APIKEY_BEARER_REMOTE -> remotes.add(map("type", "streamable-http", "url", url, "headers", List.of(map(
                    "name", "Authorization", "description", "Bearer token with your " + titleOf(server.topic) + " API key",
                    "isRequired", true, "value", "Bearer {api_key}",
                    "variables", map("api_key", map("description", "Your API key", "isRequired", true, "isSecret", true))))));
            case APIKEY_HEADER_REMOTE -> {
                Map<String, Object> header = switch (server.apiKeyHeaderStyle) {
                    case "x-api-key" -> map("name", "x-api-key", "description", "API key", "isRequired", true, "isSecret", true);
                    case "X-Api-Key-plain" -> map("name", "X-API-Key", "description", "Your API key");
                    case "Authorization-secret" -> map("name", "Authorization", "description", "API key as a bearer token",
                            "isRequired", true, "isSecret", true);
                    default -> map("name", "X-API-Key", "description", "API key from the dashboard", "isRequired", true,
                            "isSecret", true);
                };
                remotes.add(map("type", "streamable-http", "url", url, "headers", List.of(header)));
                if (server.sseToo) {
                    remotes.add(map("type", "sse", "url", "https://" + host + "/sse", "headers", List.of(header)));
                }
            }
            case APIKEY_SAME_URL_TWICE -> {
                remotes.add(map("type", "streamable-http", "url", url));
                remotes.add(map("type", "streamable-http", "url", url, "headers", List.of(map("name", "Authorization",
                        "description", "Optional API key", "value", "Bearer {token}",
                        "variables", map("token", map("isSecret", true))))));
            }
            case SECRET_PACKAGE -> packages.add(pkg(server, version, true));
            case PLAIN_PACKAGE -> packages.add(pkg(server, version, false));
            default -> { }
        }
        if (!remotes.isEmpty()) {
            doc.put("remotes", remotes);
        }
        if (!packages.isEmpty()) {
            doc.put("packages", packages);
        }
        List<String> scopes = new ArrayList<>();
        if (server.kind.oauth()) {
            Map<String, Object> oauth = new LinkedHashMap<>();
            oauth.put("resource", url);
            if (server.prm) {
                oauth.put("protectedResourceMetadata", "https://" + host + "/.well-known/oauth-protected-resource/mcp");
            }
            oauth.put("authorizationServers", List.of(server.authServer));
            scopes.add(scope(server, "read"));
            scopes.add(scope(server, "write"));
            if (server.tools > 3) {
                scopes.add(scope(server, "delete"));
            }
            oauth.put("scopesSupported", scopes);
            oauth.put("scopesRequired", List.of(scope(server, "read")));
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("mode", server.registrationMode);
            if (server.registrationMode.equals("pre-registered")) {
                registration.put("clientId", server.handle + "-mcp-client");
            }
            oauth.put("clientRegistration", registration);
            governance.put("auth", map("oauth2", oauth));
        }
        if (server.tools > 0) {
            governance.put("tools", tools(server, server.kind.oauth()));
        }
        if (!governance.isEmpty()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            // the official registry keeps only publisher-provided metadata (at most 4 KB), so larger declarations
            // stay at the top level, which this registry also reads
            if (server.governanceInPublisherProvided && Json.write(governance).length() < 3500) {
                meta.put(PUBLISHER_PROVIDED, map(GOV, governance));
            } else {
                meta.put(GOV, governance);
            }
            doc.put("_meta", meta);
        }
        return doc;
    }

    List<Object> bareRemotes(Server server, String host) {
        List<Object> remotes = new ArrayList<>();
        remotes.add(map("type", "streamable-http", "url", "https://" + host + "/mcp"));
        if (server.sseToo) {
            remotes.add(map("type", "sse", "url", "https://" + host + "/sse"));
        }
        return remotes;
    }

    Map<String, Object> pkg(Server server, String version, boolean secret) {
        String pkgVersion = SEMVER.matcher(version).matches() ? version : "1.0.0";
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("registryType", server.packageType);
        String id = server.topic + "-mcp";
        switch (server.packageType) {
            case "npm" -> {
                pkg.put("registryBaseUrl", "https://registry.npmjs.org");
                pkg.put("identifier", random(server, 2) == 0 ? "@" + server.handle + "/" + id : id + "-" + server.handle);
                pkg.put("version", pkgVersion);
                pkg.put("runtimeHint", "npx");
            }
            case "pypi" -> {
                pkg.put("registryBaseUrl", "https://pypi.org");
                pkg.put("identifier", server.handle + "-" + id);
                pkg.put("version", pkgVersion);
                pkg.put("runtimeHint", "uvx");
            }
            case "oci" -> pkg.put("identifier", "ghcr.io/" + server.handle + "/" + id + ":" + pkgVersion);
            default -> {
                pkg.put("registryBaseUrl", "https://api.nuget.org");
                pkg.put("identifier", titleOf(server.handle).replace(" ", "") + "." + titleOf(server.topic).replace(" ", "") + ".Mcp");
                pkg.put("version", pkgVersion);
                pkg.put("runtimeHint", "dnx");
            }
        }
        pkg.put("transport", map("type", "stdio"));
        if (server.packageType.equals("oci") && server.envVars > 1) {
            pkg.put("runtimeArguments", List.of(map("type", "named", "name", "--rm", "description", "Remove the container on exit")));
        }
        List<Object> env = new ArrayList<>();
        String upper = server.topic.toUpperCase(Locale.ROOT).replace('-', '_');
        if (secret) {
            env.add(map("name", upper + "_API_KEY", "description", "Your " + titleOf(server.topic) + " API key",
                    "isRequired", true, "isSecret", true, "format", "string"));
        }
        for (int i = 0; i < server.envVars; i++) {
            env.add(switch (i) {
                case 0 -> map("name", upper + "_BASE_URL", "description", "Base URL of the " + titleOf(server.topic) + " API",
                        "default", "https://api." + server.topic + ".bench.invalid");
                case 1 -> map("name", "LOG_LEVEL", "description", "Log verbosity", "default", "info",
                        "choices", List.of("debug", "info", "warn", "error"));
                case 2 -> map("name", upper + "_READ_ONLY", "description", "Disable tools that change data",
                        "format", "boolean", "default", "false");
                default -> map("name", upper + "_OPTION_" + i, "description", "Optional setting " + i + " of the "
                        + titleOf(server.topic) + " integration; see the project's documentation for the accepted values"
                        + " and how they interact with the other settings", "format", "string", "default", "auto");
            });
        }
        if (!env.isEmpty()) {
            pkg.put("environmentVariables", env);
        }
        return pkg;
    }

    List<Object> tools(Server server, boolean oauth) {
        List<Object> tools = new ArrayList<>();
        Set<String> used = new HashSet<>();
        String noun = NOUNS[Math.abs(server.name.hashCode()) % NOUNS.length];
        for (int i = 0; i < server.tools; i++) {
            // mostly readers; a third write; destructive ones only on larger servers
            String[] verb;
            String kind;
            if (i % 3 == 2) {
                verb = WRITE_TOOLS[i % WRITE_TOOLS.length];
                kind = "write";
            } else if (i >= 4 && i % 4 == 0) {
                verb = DESTRUCTIVE_TOOLS[i % DESTRUCTIVE_TOOLS.length];
                kind = "delete";
            } else {
                verb = READ_TOOLS[i % READ_TOOLS.length];
                kind = "read";
            }
            String toolName = verb[0] + "_" + (i < NOUNS.length ? NOUNS[(noun.length() + i) % NOUNS.length] : noun + i);
            if (!used.add(toolName)) {
                toolName = toolName + "_" + i;
                used.add(toolName);
            }
            Map<String, Object> tool = new LinkedHashMap<>();
            tool.put("name", toolName);
            tool.put("description", verb[1] + " " + toolName.substring(toolName.indexOf('_') + 1).replace('_', ' ')
                    + " in " + titleOf(server.topic));
            tool.put("annotations", map("readOnlyHint", kind.equals("read"), "destructiveHint", kind.equals("delete")));
            if (oauth) {
                // read-only and writing tools never share a scope
                String scope = kind.equals("delete") && server.tools > 3 ? scope(server, "delete")
                        : kind.equals("read") ? scope(server, "read") : scope(server, "write");
                tool.put("scopes", List.of(scope));
            }
            tools.add(tool);
        }
        return tools;
    }

    String scope(Server server, String action) {
        String topic = server.topic.replace("-", "_");
        return server.scopeStyle.equals("colon") ? action + ":" + topic : topic + "." + action;
    }

    String description(Server server, String version) {
        int target = random(server, 10) < 7 ? 70 + random(server, 31) : 25 + random(server, 45);
        StringBuilder text = new StringBuilder();
        text.append(VERBS[random(server, VERBS.length)]).append(' ').append(server.topic.replace('-', ' ')).append(' ')
                .append(NOUNS[random(server, NOUNS.length)]);
        int q = random(server, QUALIFIERS.length);
        while (text.length() < target) {
            String next = (text.length() > 40 ? ", " : " ") + QUALIFIERS[q % QUALIFIERS.length];
            if (text.length() + next.length() > 100) {
                break;
            }
            text.append(next);
            q++;
        }
        return text.toString();
    }

    /** A per-server draw that does not depend on the version, so versions of one server describe it alike. */
    int random(Server server, int bound) {
        return Math.floorMod(server.name.hashCode() * 31 + bound * 17, bound);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Outputs
    // ----------------------------------------------------------------------------------------------------------

    int writePages(List<Server> servers, Path dir) throws IOException {
        TreeMap<String, Server> byName = new TreeMap<>();
        for (Server server : servers) {
            byName.put(server.name, server);
        }
        List<String> items = new ArrayList<>();
        for (Server server : byName.values()) {
            int latest = latestIndex(server);
            for (int i = 0; i < server.versions.size(); i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("server", document(server, server.versions.get(i), server.name, server.host));
                String at = server.published.get(i).toString();
                item.put("_meta", map(OFFICIAL, map("status", "active", "publishedAt", at, "updatedAt", at,
                        "isLatest", i == latest)));
                items.add(Json.write(item));
            }
        }
        int pages = (items.size() + pageSize - 1) / pageSize;
        for (int p = 0; p < pages; p++) {
            List<String> slice = items.subList(p * pageSize, Math.min(items.size(), (p + 1) * pageSize));
            StringBuilder page = new StringBuilder("{\"servers\":[");
            page.append(String.join(",", slice)).append("],\"metadata\":{");
            if (p + 1 < pages) {
                page.append("\"nextCursor\":\"").append(cursor(p + 1)).append("\",");
            }
            page.append("\"count\":").append(slice.size()).append("}}\n");
            Files.writeString(dir.resolve((p == 0 ? "first" : cursor(p)) + ".json"), page);
        }
        return pages;
    }

    static String cursor(int page) {
        return String.format("c%06d", page);
    }

    /** The official registry's rule: the highest semver wins over non-semver; among non-semver the last published. */
    static int latestIndex(Server server) {
        int best = -1;
        for (int i = 0; i < server.versions.size(); i++) {
            String v = server.versions.get(i);
            if (best < 0) {
                best = i;
                continue;
            }
            String b = server.versions.get(best);
            boolean vs = SEMVER.matcher(v).matches();
            boolean bs = SEMVER.matcher(b).matches();
            if (vs && bs ? compareSemver(v, b) > 0 : vs || !bs) {
                best = i;
            }
        }
        return best;
    }

    static int compareSemver(String a, String b) {
        String[] ca = a.split("\\+")[0].split("-", 2);
        String[] cb = b.split("\\+")[0].split("-", 2);
        String[] na = ca[0].split("\\.");
        String[] nb = cb[0].split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(Long.parseLong(na[i]), Long.parseLong(nb[i]));
            if (c != 0) {
                return c;
            }
        }
        if (ca.length == 1 || cb.length == 1) {
            return Integer.compare(cb.length, ca.length); // a release beats its pre-releases
        }
        String[] pa = ca[1].split("\\.");
        String[] pb = cb[1].split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            boolean da = pa[i].matches("\\d+");
            boolean db = pb[i].matches("\\d+");
            int c = da && db ? Long.compare(Long.parseLong(pa[i]), Long.parseLong(pb[i]))
                    : da ? -1 : db ? 1 : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    void writeSearchTerms(List<Server> servers, Path file) throws IOException {
        Set<String> terms = new java.util.LinkedHashSet<>();
        for (String topic : TOPICS) {
            terms.add(topic);
        }
        terms.add("mcp");
        terms.add("server");
        terms.add("io.github");
        // specific handles hit only a few servers, as a user who knows what they look for
        for (int i = 0; i < 60 && i < servers.size(); i++) {
            terms.add(servers.get(random.nextInt(servers.size())).handle);
        }
        Files.write(file, terms);
    }

    /** Shapes for the publish scenario: OAuth with tools, API-key header, secret package, bare remote. */
    void writePublishTemplates(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        Kind[] kinds = {Kind.OAUTH_REMOTE, Kind.APIKEY_BEARER_REMOTE, Kind.SECRET_PACKAGE, Kind.BARE_REMOTE,
                Kind.OAUTH_REMOTE_AND_SECRET_PACKAGE, Kind.PLAIN_PACKAGE};
        for (Kind kind : kinds) {
            Server server = new Server();
            server.namespace = "io.bench.publish";
            server.name = "io.bench.publish/__NAME__";
            server.host = "__HOST__";
            server.topic = pick(TOPICS);
            server.handle = "bench";
            server.kind = kind;
            shape(server);
            server.schemaDate = SCHEMA_DATES[0];
            server.tools = kind.oauth() ? 5 : 2;
            server.governanceInPublisherProvided = false;
            lines.add(Json.write(document(server, "__VERSION__", server.name, server.host)));
        }
        Files.write(file, lines);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Small helpers
    // ----------------------------------------------------------------------------------------------------------

    String word(int syllables) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return w.toString();
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    String weighted(String[] values, int[] weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int roll = random.nextInt(sum);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    static String titleOf(String slug) {
        StringBuilder t = new StringBuilder();
        for (String part : slug.split("-")) {
            if (!part.isEmpty()) {
                t.append(t.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return t.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A minimal JSON writer for maps, lists, strings, numbers and booleans. */
    static final class Json {
        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string((String) e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
