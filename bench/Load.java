import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the generated data set into a running registry through its public API, concurrently, and reports the rate.
 *
 * <pre>
 * java bench/Load.java publish    --base URL --token FILE --docs docs.ndjson [--concurrency 8]
 * java bench/Load.java exceptions --base URL --token FILE --reviewer-token FILE --names exceptions.txt [--concurrency 8]
 * </pre>
 *
 * {@code publish} sends every line of the file to {@code POST /v0.1/publish}; the versions of one server go in file
 * order through one worker, so the registry sees them in publication order. {@code exceptions} requests a
 * transitional API-key exception for each server name as the publisher and approves it as the reviewer (four eyes).
 * Prints one JSON line ({@code ok} items, {@code failed}, {@code seconds}, {@code perSecond}, {@code statuses}) and exits
 * 1 when anything failed, after printing the first failures.
 */
public class Load {

    static final String EXTENSION = "/v0.1/x/io.mcpgov.registry";
    static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final int MAX_REPORTED_FAILURES = 10;

    final HttpClient client;
    final String base;
    final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong done = new AtomicLong();

    Load(String base, int concurrency) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage("a mode is required");
        }
        String mode = args[0];
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        String base = required(options, "base");
        String token = Files.readString(Path.of(required(options, "token"))).trim();
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Load load = new Load(base, concurrency);
        long start = System.nanoTime();
        int total;
        switch (mode) {
            case "publish" -> total = load.publish(Path.of(required(options, "docs")), token, concurrency);
            case "exceptions" -> total = load.exceptions(Path.of(required(options, "names")), token,
                    Files.readString(Path.of(required(options, "reviewer-token"))).trim(), concurrency);
            default -> {
                usage("unknown mode " + mode);
                return;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder codes = new StringBuilder();
        new java.util.TreeMap<>(load.statuses).forEach((code, count) ->
                codes.append(codes.length() == 0 ? "" : ",").append('"').append(code).append("\":").append(count.get()));
        System.out.printf(java.util.Locale.ROOT,
                "{\"mode\":\"%s\",\"total\":%d,\"ok\":%d,\"failed\":%d,\"seconds\":%.3f,\"perSecond\":%.1f,\"concurrency\":%d,\"statuses\":{%s}}%n",
                mode, total, load.ok.get(), load.failed.get(), seconds, load.ok.get() / seconds, concurrency, codes);
        if (load.failed.get() > 0) {
            System.err.println("Load " + mode + ": " + load.failed.get() + " of " + total + " failed; the first ones:");
            load.failures.forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            usage("--" + name + " is required");
        }
        return value;
    }

    static void usage(String message) {
        System.err.println("Load: " + message);
        System.err.println("usage: java bench/Load.java publish --base URL --token FILE --docs FILE [--concurrency N]");
        System.err.println("       java bench/Load.java exceptions --base URL --token FILE --reviewer-token FILE --names FILE [--concurrency N]");
        System.exit(2);
    }

    int publish(Path docs, String token, int concurrency) throws Exception {
        // group lines by server name, keeping file order inside each server
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        int total = 0;
        for (String line : Files.readAllLines(docs)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = NAME.matcher(line);
            if (!m.find()) {
                throw new IOException("no name in a line of " + docs);
            }
            byServer.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(line);
            total++;
        }
        ConcurrentLinkedQueue<List<String>> work = new ConcurrentLinkedQueue<>(byServer.values());
        int all = total;
        run(concurrency, () -> {
            List<String> versions;
            while ((versions = work.poll()) != null) {
                for (String doc : versions) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v0.1/publish"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(doc)).build();
                    HttpResponse<String> response = send(request);
                    record(response, 200, "publish " + nameOf(doc), true);
                    progress(all);
                }
            }
        });
        return total;
    }

    int exceptions(Path names, String token, String reviewerToken, int concurrency) throws Exception {
        List<String> servers = Files.readAllLines(names).stream().filter(s -> !s.isBlank()).toList();
        ConcurrentLinkedQueue<String> work = new ConcurrentLinkedQueue<>(servers);
        String expiresAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        run(concurrency, () -> {
            String server;
            while ((server = work.poll()) != null) {
                String body = "{\"serverName\":\"" + server + "\",\"classification\":\"transitional\","
                        + "\"justification\":\"The vendor offers API keys only; OAuth is on its roadmap\","
                        + "\"expiresAt\":\"" + expiresAt + "\",\"compensatingControls\":{\"rotationDays\":30,"
                        + "\"keyStorage\":\"vault:kv/mcp/" + server.replace('/', '-') + "\",\"offboardingOwner\":\"iam-team\"}}";
                HttpResponse<String> requested = send(HttpRequest.newBuilder(URI.create(base + EXTENSION + "/exceptions"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (!record(requested, 201, "request exception for " + server, false)) {
                    continue;
                }
                Matcher id = ID.matcher(requested.body());
                if (!id.find()) {
                    fail("request exception for " + server + ": no id in " + abbreviate(requested.body()));
                    continue;
                }
                HttpResponse<String> approved = send(HttpRequest.newBuilder(URI.create(base + EXTENSION + "/exceptions/"
                                + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8) + "/approve"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + reviewerToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Key kept in the vault and rotated monthly\"}"))
                        .build());
                record(approved, 200, "approve exception for " + server, true);
            }
        });
        return servers.size();
    }

    interface Worker {
        void run() throws Exception;
    }

    void run(int concurrency, Worker worker) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> crashes = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> {
                try {
                    worker.run();
                } catch (Throwable e) {
                    crashes.add(e);
                }
            }, "load-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!crashes.isEmpty()) {
            System.err.println("Load: a worker stopped: " + crashes.get(0));
            crashes.get(0).printStackTrace();
            System.exit(1);
        }
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        IOException last = null;
        // a connection reset by the server's keep-alive timeout is retried once; anything else is a failure
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Counts the status; {@code ok} counts the last step of each item only. */
    boolean record(HttpResponse<String> response, int expected, String what, boolean lastStep) {
        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
        if (response.statusCode() == expected) {
            if (lastStep) {
                ok.incrementAndGet();
            }
            return true;
        }
        fail(what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        return false;
    }

    void fail(String message) {
        failed.incrementAndGet();
        if (failures.size() < MAX_REPORTED_FAILURES) {
            failures.add(message);
        }
    }

    void progress(int total) {
        long n = done.incrementAndGet();
        if (n % 10000 == 0) {
            System.err.println("  " + n + " of " + total);
        }
    }

    static String nameOf(String doc) {
        Matcher m = NAME.matcher(doc);
        return m.find() ? m.group(1) : "?";
    }

    static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 600 ? flat.substring(0, 600) + "..." : flat;
    }
}
