package io.mcpgov.registry.outbound;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A bare TLS server on loopback that records the SNI host names clients send and answers 204 to one request each. */
final class SniRecordingServer implements AutoCloseable {

    final List<String> serverNames = new CopyOnWriteArrayList<>();
    final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final SSLServerSocket socket;
    private final Thread acceptor;

    SniRecordingServer() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = SniRecordingServer.class.getResourceAsStream("/outbound/tls-server.p12")) {
            keyStore.load(in, TlsFixtures.PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, TlsFixtures.PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::serve, "sni-recorder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (SSLSocket client = (SSLSocket) socket.accept()) {
                client.setSoTimeout(2_000);
                client.startHandshake();
                for (SNIServerName name : ((ExtendedSSLSession) client.getSession()).getRequestedServerNames()) {
                    serverNames.add(((SNIHostName) name).getAsciiName());
                }
                String head = readHead(client.getInputStream());
                head.lines().filter(line -> line.toLowerCase().startsWith("host:"))
                        .forEach(line -> hostHeaders.add(line.substring(5).trim()));
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (Exception e) {
                // a failed handshake or a closed socket: nothing to record
            }
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join(2_000);
    }
}
