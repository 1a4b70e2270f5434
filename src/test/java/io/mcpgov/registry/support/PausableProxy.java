package io.mcpgov.registry.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of the tests' PostgreSQL that a test can pause: while paused it forwards no byte in either
 * direction, and no end of a connection, yet keeps every connection open and accepts new ones, as a database server
 * that stops answering (a frozen host, a partition) looks to the registry. Once resumed, what was held back is
 * forwarded.
 */
public final class PausableProxy implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "pausable-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private boolean paused;
    private volatile boolean closed;

    private PausableProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** A proxy on a free port of the loopback address, forwarding to {@code host:port}. */
    public static PausableProxy start(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            PausableProxy proxy = new PausableProxy(listener, new InetSocketAddress(host, port));
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Stops forwarding; connections stay open. */
    public void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    /** Forwards again, what was held back first. */
    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> connect(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("pausable proxy: accept failed: " + e);
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        threads.execute(() -> pump(client, server));
        threads.execute(() -> pump(server, client));
    }

    /** Copies {@code from} to {@code to} until either ends, waiting out pauses before each write and before the end. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitForwarding();
                out.write(buffer, 0, n);
                out.flush();
            }
            awaitForwarding();
        } catch (IOException | InterruptedException e) {
            // one side went away; the other learns it below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (paused && !closed) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        resume();
        closeQuietly(listener);
        open.forEach(PausableProxy::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
