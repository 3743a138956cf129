package io.pagelens.egress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One client connection to the proxy: a sequence of absolute-form HTTP/1.1 requests (relayed to the origin, whose
 * connection is kept for the next request to the same host and port), or one CONNECT tunnel (https, wss and ws).
 * Every request is decided by the guard first; a refused one gets a 403 (blocked) or 502 (unresolvable,
 * unreachable) with the reason, and the connection closes. Runs on its own virtual thread.
 */
final class ProxyConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ProxyConnection.class);
    /** A kept-alive client connection with no request for this long is closed. */
    static final int CLIENT_IDLE_MS = 120_000;
    /** A tunnel or origin silent for this long is closed (a capture's own deadline is far shorter). */
    static final int TRANSFER_IDLE_MS = 600_000;
    static final String MARK_HEADER = "X-Pagelens-Egress";
    static final String REASON_HEADER = "X-Pagelens-Egress-Reason";

    private final Socket client;
    private final ProxyListener listener;
    private Socket upstream;
    private String upstreamKey;
    private InputStream upIn;
    private OutputStream upOut;

    ProxyConnection(Socket client, ProxyListener listener) {
        this.client = client;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            client.setSoTimeout(CLIENT_IDLE_MS);
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 16 * 1024);
            while (true) {
                HttpHead req;
                try {
                    req = HttpHead.read(in);
                } catch (SocketTimeoutException e) {
                    return; // idle keep-alive connection
                }
                if (req == null) return;
                String[] line = req.startLine.split(" ", -1);
                if (line.length != 3 || !line[2].startsWith("HTTP/1.")) {
                    refuse(out, 400, "bad_request", "malformed request line");
                    return;
                }
                if (line[0].equals("CONNECT")) {
                    tunnel(line[1], in, out);
                    return;
                }
                if (!forward(req, line, in, out)) return;
            }
        } catch (HttpHead.ProtocolException e) {
            log.atDebug().addKeyValue("proxy", listener.label()).addKeyValue("error", e.getMessage()).log("egress proxy refused a malformed message");
        } catch (IOException e) {
            log.atDebug().addKeyValue("proxy", listener.label()).addKeyValue("error", e.toString()).log("egress proxy connection ended");
        } finally {
            closeUpstream();
            listener.closeQuietly(client);
        }
    }

    /** Relays one plain-HTTP exchange; returns whether the client connection stays open for another. */
    private boolean forward(HttpHead req, String[] line, InputStream in, OutputStream out) throws IOException {
        String target = line[1];
        if (!target.regionMatches(true, 0, "http://", 0, 7)) {
            refuse(out, 400, "bad_request", target.startsWith("/") ? "this is an egress proxy: it takes absolute-form requests only"
                    : "only http:// URLs are relayed; https and wss go through CONNECT");
            listener.count("http", "bad_request");
            return false;
        }
        int fragment = target.indexOf('#');
        if (fragment >= 0) target = target.substring(0, fragment);
        int pathStart = 7;
        while (pathStart < target.length() && "/?".indexOf(target.charAt(pathStart)) < 0) pathStart++;
        String authority = target.substring(7, pathStart);
        String path = pathStart == target.length() ? "/" : target.charAt(pathStart) == '?' ? "/" + target.substring(pathStart) : target.substring(pathStart);
        HostPort hp;
        try {
            hp = HostPort.parse(authority, 80);
        } catch (IllegalArgumentException e) {
            refuse(out, 400, "bad_request", e.getMessage());
            listener.count("http", "bad_request");
            return false;
        }
        HttpHead.Framing requestBody = req.framing(true);
        boolean clientKeep = !line[2].equals("HTTP/1.0") && !req.hasToken("connection", "close")
                && !req.hasToken("proxy-connection", "close");
        Decision d = listener.decide(hp);
        if (!d.isAllowed()) {
            // a page's many refused trackers and ads need not each cost Chromium a new connection to the proxy
            boolean keep = clientKeep && requestBody == HttpHead.Framing.NONE && !line[0].equals("HEAD");
            refused(out, "http://" + hp.authority() + path.substring(0, Math.min(path.length(), 2000)), hp, false, d, keep);
            return keep;
        }
        boolean reused = upstream != null && hp.authority().equals(upstreamKey) && !upstream.isClosed();
        if (!reused && !connectUpstream(out, target, hp, d, false)) return false;
        List<String[]> extra = req.get("host") == null ? List.<String[]>of(new String[]{"Host", hp.authority()}) : List.of();
        String requestLine = line[0] + " " + path + " HTTP/1.1";
        req.writeForwarded(upOut, requestLine, extra);
        relay(in, upOut, requestBody, req);
        upOut.flush();
        HttpHead res = HttpHead.read(upIn);
        if (res == null && reused && requestBody == HttpHead.Framing.NONE) {
            // the origin closed a kept connection as the request went out: one retry on a fresh one, as browsers do
            closeUpstream();
            if (!connectUpstream(out, target, hp, d, false)) return false;
            req.writeForwarded(upOut, requestLine, extra);
            upOut.flush();
            res = HttpHead.read(upIn);
        }
        if (res == null) throw new EOFException("the origin closed the connection without answering");
        int status = status(res);
        while (status >= 100 && status < 200 && status != 101) { // interim responses go on as they come
            res.writeForwarded(out, res.startLine, List.of());
            out.flush();
            res = HttpHead.read(upIn);
            if (res == null) throw new EOFException("the origin closed the connection after an interim response");
            status = status(res);
        }
        if (status == 101) throw new HttpHead.ProtocolException("the origin switched protocols without being asked");
        HttpHead.Framing responseBody = line[0].equals("HEAD") || status == 204 || status == 304 ? HttpHead.Framing.NONE : res.framing(false);
        boolean keep = clientKeep && responseBody != HttpHead.Framing.UNTIL_CLOSE;
        boolean upstreamKeep = res.startLine.startsWith("HTTP/1.1") && !res.hasToken("connection", "close")
                && responseBody != HttpHead.Framing.UNTIL_CLOSE;
        res.writeForwarded(out, res.startLine, keep ? List.of() : List.<String[]>of(new String[]{"Connection", "close"}));
        relay(upIn, out, responseBody, res);
        out.flush();
        if (!upstreamKeep) closeUpstream();
        listener.count("http", "allowed");
        return keep;
    }

    private static int status(HttpHead res) throws HttpHead.ProtocolException {
        String[] p = res.startLine.split(" ", 3);
        if (p.length < 2 || !p[0].startsWith("HTTP/1.") || p[1].length() != 3 || !p[1].chars().allMatch(Character::isDigit)) {
            throw new HttpHead.ProtocolException("malformed status line from the origin");
        }
        return Integer.parseInt(p[1]);
    }

    private boolean connectUpstream(OutputStream out, String url, HostPort hp, Decision d, boolean tunnel) throws IOException {
        closeUpstream();
        IOException[] failure = new IOException[1];
        Socket s = connect(hp, d, failure);
        if (s == null) {
            String reason = netError(failure[0]) + ": could not connect to " + hp.authority() + " (" + describe(d.addresses()) + ")";
            listener.record(new EgressEvent(url, hp.authority().toLowerCase(Locale.ROOT), tunnel, EgressEvent.Outcome.UNREACHABLE, reason, false));
            listener.count(tunnel ? "connect" : "http", "unreachable");
            refuse(out, 502, "unreachable", reason);
            return false;
        }
        upstream = s;
        upstreamKey = hp.authority();
        upIn = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        upOut = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        return true;
    }

    /** Chromium's name for a failed connect, so reports read the same with and without the guard. */
    private static String netError(IOException e) {
        return switch (e) {
            case java.net.ConnectException c -> "net::ERR_CONNECTION_REFUSED";
            case SocketTimeoutException t -> "net::ERR_CONNECTION_TIMED_OUT";
            case java.net.NoRouteToHostException n -> "net::ERR_ADDRESS_UNREACHABLE";
            case null, default -> "net::ERR_CONNECTION_FAILED";
        };
    }

    /** Connects to the checked addresses in order; null when none answers (the last error in {@code failure}). Never resolves. */
    private Socket connect(HostPort hp, Decision d, IOException[] failure) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, listener.connectTimeout().toMillis());
        for (InetAddress a : d.addresses()) {
            Socket s = new Socket();
            listener.track(s);
            try {
                s.connect(new InetSocketAddress(a, hp.port()), timeout);
                s.setSoTimeout(TRANSFER_IDLE_MS);
                s.setTcpNoDelay(true);
                return s;
            } catch (IOException e) {
                failure[0] = e;
                listener.closeQuietly(s);
            }
        }
        return null;
    }

    private static String describe(List<InetAddress> addresses) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : addresses) out.add(IpText.format(a.getAddress()));
        return String.join(", ", out);
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        HostPort hp;
        try {
            hp = HostPort.parse(authority, -1);
        } catch (IllegalArgumentException e) {
            refuse(out, 400, "bad_request", e.getMessage());
            listener.count("connect", "bad_request");
            return;
        }
        Decision d = listener.decide(hp);
        if (!d.isAllowed()) {
            refused(out, hp.authority(), hp, true, d, false);
            return;
        }
        if (!connectUpstream(out, hp.authority(), hp, d, true)) return;
        listener.count("connect", "allowed");
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        client.setSoTimeout(TRANSFER_IDLE_MS);
        Socket up = upstream;
        OutputStream toClient = client.getOutputStream();
        Thread down = Thread.ofVirtual().name("egress-tunnel-" + listener.label()).start(() -> {
            try {
                pump(upIn, toClient);
                client.shutdownOutput();
            } catch (IOException e) {
                listener.closeQuietly(client);
                listener.closeQuietly(up);
            }
        });
        try {
            pump(in, upOut); // "in" may hold bytes the client sent right after CONNECT: they go first
            up.shutdownOutput();
        } catch (IOException e) {
            listener.closeQuietly(up);
        }
        try {
            down.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies until end of stream, flushing whenever the source has nothing more at hand. */
    private static void pump(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = from.read(buf)) >= 0) {
            to.write(buf, 0, n);
            if (from.available() == 0) to.flush();
        }
        to.flush();
    }

    /** Relays one message body as framed, byte for byte. */
    private static void relay(InputStream from, OutputStream to, HttpHead.Framing framing, HttpHead head) throws IOException {
        switch (framing) {
            case NONE -> {
            }
            case LENGTH -> copy(from, to, head.contentLength());
            case UNTIL_CLOSE -> pump(from, to);
            case CHUNKED -> {
                while (true) {
                    String sizeLine = HttpHead.line(from, false);
                    to.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    long size = chunkSize(sizeLine);
                    if (size == 0) {
                        String trailer;
                        do {
                            trailer = HttpHead.line(from, false);
                            to.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        } while (!trailer.isEmpty());
                        return;
                    }
                    copy(from, to, size);
                    if (!HttpHead.line(from, false).isEmpty()) throw new HttpHead.ProtocolException("chunk not followed by CRLF");
                    to.write('\r');
                    to.write('\n');
                    if (from.available() == 0) to.flush();
                }
            }
        }
    }

    private static long chunkSize(String line) throws HttpHead.ProtocolException {
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        if (hex.isEmpty() || hex.length() > 15) throw new HttpHead.ProtocolException("invalid chunk size");
        long v = 0;
        for (int i = 0; i < hex.length(); i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0) throw new HttpHead.ProtocolException("invalid chunk size");
            v = v * 16 + d;
        }
        return v;
    }

    private static void copy(InputStream from, OutputStream to, long n) throws IOException {
        byte[] buf = new byte[16 * 1024];
        while (n > 0) {
            int r = from.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new EOFException("body ended " + n + " bytes early");
            to.write(buf, 0, r);
            n -= r;
            if (from.available() == 0) to.flush();
        }
    }

    private void refused(OutputStream out, String url, HostPort hp, boolean tunnel, Decision d, boolean keep) throws IOException {
        EgressEvent.Outcome outcome = d.isBlocked() ? EgressEvent.Outcome.BLOCKED : EgressEvent.Outcome.UNRESOLVED;
        listener.record(new EgressEvent(url, hp.authority().toLowerCase(Locale.ROOT), tunnel, outcome, d.reason(), d.allowListable()));
        listener.count(tunnel ? "connect" : "http", outcome.name().toLowerCase(Locale.ROOT));
        if (d.isBlocked()) refuse(out, 403, "blocked", d.reason(), keep);
        else refuse(out, 502, "unresolved", d.reason(), keep);
    }

    /** A response made by the proxy itself, marked as such, after which the connection closes. */
    private static void refuse(OutputStream out, int status, String mark, String reason) throws IOException {
        refuse(out, status, mark, reason, false);
    }

    /** A response made by the proxy itself, marked as such; the connection stays open for the next request if {@code keep}. */
    private static void refuse(OutputStream out, int status, String mark, String reason, boolean keep) throws IOException {
        String phrase = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            default -> "Bad Gateway";
        };
        byte[] body = ("pagelens egress guard: " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + phrase + "\r\n" + MARK_HEADER + ": " + mark + "\r\n" + REASON_HEADER + ": "
                + ascii(reason) + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-store\r\n" + (keep ? "" : "Connection: close\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 500; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private void closeUpstream() {
        if (upstream != null) listener.closeQuietly(upstream);
        upstream = null;
        upstreamKey = null;
        upIn = null;
        upOut = null;
    }
}
