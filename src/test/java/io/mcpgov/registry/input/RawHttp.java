package io.mcpgov.registry.input;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for what clients refuse to send: a Content-Length the body never reaches, a chunked body
 * larger than the limit. The answer is read until the server closes the connection or stops writing.
 */
final class RawHttp {

    /** A status line, the header block as written, and the body. */
    record Answer(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends the head, then {@code chunks} chunks of 1 MiB (none: {@code bodyStart} only), and reads the answer. */
    static Answer send(String head, String bodyStart, int chunks) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(bodyStart.getBytes(StandardCharsets.UTF_8));
                byte[] chunk = ("100000\r\n" + "a".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < chunks; i++) {
                    out.write(chunk);
                }
                out.flush();
            } catch (SocketException closed) {
                // the server answered and closed the connection before the whole body was sent
            }
            return parse(readAnswer(socket.getInputStream(), socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAnswer(InputStream in, Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
                socket.setSoTimeout(2_000); // once the answer began, a pause means it is complete
            }
        } catch (SocketTimeoutException | SocketException e) {
            // complete, or the connection was closed under it
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (!answer.startsWith("HTTP/") || end < 0) {
            throw new AssertionError("Not an HTTP answer: " + answer);
        }
        int status = Integer.parseInt(answer.substring(9, 12));
        return new Answer(status, answer.substring(0, end), answer.substring(end + 4));
    }
}
