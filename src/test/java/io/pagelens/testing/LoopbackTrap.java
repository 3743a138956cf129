package io.pagelens.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listeners on loopback aliases that no test may reach (127.0.0.2, 127.0.0.3: loopback, so nothing leaves the
 * machine, but not on the test allow-list): TCP and UDP on one port each. Every connection or datagram is recorded
 * and the TCP side is closed at once; a test asserts {@link #hits()} is empty.
 */
public final class LoopbackTrap implements AutoCloseable {
    private final List<ServerSocket> tcp = new ArrayList<>();
    private final List<DatagramSocket> udp = new ArrayList<>();
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** Listens on {@code port} of each address ("127.0.0.2", ...), TCP and UDP. */
    public LoopbackTrap(int port, String... addresses) throws IOException {
        for (String a : addresses) {
            InetAddress addr = InetAddress.getByName(a);
            if (!addr.isLoopbackAddress()) throw new IllegalArgumentException("a trap listens on loopback only, not " + a);
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(addr, port), 50);
            tcp.add(s);
            Thread.ofVirtual().start(() -> accept(s));
            DatagramSocket d = new DatagramSocket(new InetSocketAddress(addr, port));
            udp.add(d);
            Thread.ofVirtual().start(() -> receive(d));
        }
    }

    private void accept(ServerSocket s) {
        while (!closed) {
            try (Socket c = s.accept()) {
                hits.add("tcp " + c.getLocalAddress().getHostAddress() + ":" + c.getLocalPort() + " from " + c.getRemoteSocketAddress());
            } catch (IOException e) {
                return;
            }
        }
    }

    private void receive(DatagramSocket d) {
        byte[] buf = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                d.receive(p);
                hits.add("udp " + d.getLocalAddress().getHostAddress() + ":" + d.getLocalPort() + " " + p.getLength() + " bytes");
            } catch (IOException e) {
                return;
            }
        }
    }

    /** What reached the trap; a passing test sees none. */
    public List<String> hits() {
        return List.copyOf(hits);
    }

    /** Forgets the hits so far (after a control run that was meant to reach the trap). */
    public void clear() {
        hits.clear();
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket s : tcp) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        udp.forEach(DatagramSocket::close);
    }
}
