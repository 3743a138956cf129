package io.pagelens.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One loopback port of the egress proxy. Each capture gets its own (a browser context is pointed at it), so every
 * request on it belongs to that capture; closing it ends every connection it carried, tunnels included. Accepts
 * on a virtual thread and serves each connection on another.
 */
final class ProxyListener implements AutoCloseable {
    private final EgressGuard guard;
    private final Consumer<EgressEvent> events;
    private final String label;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    ProxyListener(EgressGuard guard, Consumer<EgressEvent> events, String label) throws IOException {
        this.guard = guard;
        this.events = events;
        this.label = label;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), 0), 128);
        this.acceptor = Thread.ofVirtual().name("egress-accept-" + label).start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            track(s);
            if (closed) {
                closeQuietly(s);
                return;
            }
            Thread.ofVirtual().name("egress-" + label).start(new ProxyConnection(s, this));
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String label() {
        return label;
    }

    Decision decide(HostPort hp) {
        return guard.decide(hp.host(), hp.port());
    }

    Duration connectTimeout() {
        return guard.settings().connectTimeout();
    }

    void record(EgressEvent e) {
        events.accept(e);
    }

    void count(String kind, String outcome) {
        guard.count(kind, outcome);
    }

    void track(Socket s) {
        sockets.add(s);
        if (closed) closeQuietly(s);
    }

    void closeQuietly(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops accepting and closes every connection, client and origin side. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : sockets) closeQuietly(s);
        // A socket closed while a thread waits in accept() is released only when that thread leaves it: wait, so the
        // port no longer accepts once close() returns.
        try {
            acceptor.join(java.time.Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
