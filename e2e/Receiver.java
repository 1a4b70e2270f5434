import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the end-to-end checks, written as a receiver should be: it checks each delivery's signature
 * with the subscription's secret and refuses stale timestamps, then appends one line per delivery to a file:
 * "ok <webhook-id> <body>" or "refused <why> <webhook-id>".
 *
 *   java e2e/Receiver.java PORT SECRET OUT_FILE
 */
public class Receiver {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        Path out = Path.of(args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String verdict;
            if (id == null || timestamp == null || signature == null) {
                verdict = "refused unsigned " + id;
            } else if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
                verdict = "refused stale " + id;
            } else if (!signature.equals(sign(secret, id + "." + timestamp + "." + body))) {
                verdict = "refused bad-signature " + id;
            } else {
                verdict = "ok " + id + " " + body.replace('\n', ' ');
            }
            Files.writeString(out, verdict + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            int status = verdict.startsWith("ok") ? 204 : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println("receiving on " + port);
    }

    private static String sign(byte[] secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
