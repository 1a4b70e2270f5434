import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for an OAuth-protected MCP server, for the end-to-end checks: it never serves MCP, it only behaves the
 * way an MCP client discovers authorization (MCP authorization, RFC 9728), so that the registry's verifier can judge
 * it against a real authorization server.
 *
 * <pre>java ProtectedResource.java &lt;port&gt; &lt;issuer&gt; [scope ...]</pre>
 *
 * <ul>
 * <li>{@code /mcp}: 401 without a token, with {@code WWW-Authenticate: Bearer resource_metadata="...", scope="..."};
 *     401 {@code invalid_token} with any token (it holds no key to check one, and it never lets a request through);</li>
 * <li>{@code /.well-known/oauth-protected-resource/mcp}: the protected resource metadata, {@code resource} exactly the
 *     MCP URL, {@code authorization_servers} the issuer given;</li>
 * <li>{@code POST /control/metadata?mode=correct|wrong-resource}: switches what the metadata says, so that a test can
 *     break it and see the verifier notice. Listens on 127.0.0.1 only.</li>
 * </ul>
 */
public final class ProtectedResource {

    private static final AtomicReference<String> MODE = new AtomicReference<>("correct");

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java ProtectedResource.java <port> <issuer> [scope ...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String issuer = args[1];
        String[] scopes = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length) : new String[] {"weather.read"};
        String base = "http://127.0.0.1:" + port;
        String mcpUrl = base + "/mcp";
        String metadataUrl = base + "/.well-known/oauth-protected-resource/mcp";
        String challenge = "Bearer resource_metadata=\"" + metadataUrl + "\", scope=\"" + String.join(" ", scopes) + "\"";

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/mcp", exchange -> {
            drain(exchange);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || auth.isBlank()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
                send(exchange, 401, "application/json", "{\"error\":\"unauthorized\"}");
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", challenge
                        + ", error=\"invalid_token\", error_description=\"The access token is not valid\"");
                send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            }
        });
        server.createContext("/.well-known/oauth-protected-resource/mcp", exchange -> {
            drain(exchange);
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
                return;
            }
            String resource = "wrong-resource".equals(MODE.get()) ? base + "/other" : mcpUrl;
            StringBuilder scopeList = new StringBuilder();
            for (String s : scopes) {
                scopeList.append(scopeList.length() == 0 ? "" : ",").append(quote(s));
            }
            send(exchange, 200, "application/json", "{\"resource\":" + quote(resource)
                    + ",\"authorization_servers\":[" + quote(issuer) + "]"
                    + ",\"scopes_supported\":[" + scopeList + "]"
                    + ",\"bearer_methods_supported\":[\"header\"]"
                    + ",\"resource_name\":\"e2e protected resource\"}");
        });
        server.createContext("/control/metadata", exchange -> {
            drain(exchange);
            String query = exchange.getRequestURI().getQuery();
            String mode = query != null && query.startsWith("mode=") ? query.substring(5) : "";
            if (!"POST".equals(exchange.getRequestMethod()) || !(mode.equals("correct") || mode.equals("wrong-resource"))) {
                send(exchange, 400, "text/plain", "POST /control/metadata?mode=correct|wrong-resource\n");
                return;
            }
            MODE.set(mode);
            log("metadata mode " + mode);
            send(exchange, 200, "text/plain", mode + "\n");
        });
        server.createContext("/", exchange -> {
            drain(exchange);
            send(exchange, 404, "application/json", "{\"error\":\"not found\"}");
        });
        server.start();
        log("listening on " + base + "; MCP endpoint " + mcpUrl + "; metadata " + metadataUrl + "; issuer " + issuer);
    }

    private static void drain(HttpExchange exchange) throws IOException {
        log(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                + (exchange.getRequestHeaders().containsKey("Authorization") ? " (with a token)" : ""));
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static synchronized void log(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }
}
