package io.pagelens.egress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One capture's (or one client's) own proxy port and what the guard refused on it. Closing it closes the port and
 * every connection that went through it. With the guard off it is an empty session without a proxy.
 */
public final class EgressSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EgressSession.class);
    /** Events kept per session; more are counted, not kept. */
    static final int MAX_EVENTS = 200;

    private final EgressGuard guard;
    private final String label;
    private final ProxyListener listener;
    private final List<EgressEvent> events = new ArrayList<>();
    private int total;
    private final AtomicBoolean closed = new AtomicBoolean();

    EgressSession(EgressGuard guard, String label, boolean proxied) throws IOException {
        this.guard = guard;
        this.label = label;
        this.listener = proxied ? new ProxyListener(guard, this::record, label) : null;
    }

    /** {@code http://127.0.0.1:PORT}, for Chromium's per-context {@code proxyServer}; null when the guard is off. */
    public String proxyServer() {
        return listener == null ? null : "http://127.0.0.1:" + listener.port();
    }

    int port() {
        return listener == null ? -1 : listener.port();
    }

    synchronized void record(EgressEvent e) {
        total++;
        if (events.size() < MAX_EVENTS) events.add(e);
        log.atDebug().addKeyValue("session", label).addKeyValue("url", e.url()).addKeyValue("outcome", e.outcome())
                .addKeyValue("reason", e.reason()).log("egress refused a request");
    }

    /** The refused requests so far, oldest first (at most {@value #MAX_EVENTS}). */
    public synchronized List<EgressEvent> events() {
        return List.copyOf(events);
    }

    /** How many requests were refused, including any past the kept {@value #MAX_EVENTS}. */
    public synchronized int refusedCount() {
        return total;
    }

    /** The blocked ones, as the capture report lists them. */
    public List<BlockedRequest> blocked() {
        return events().stream().filter(e -> e.outcome() == EgressEvent.Outcome.BLOCKED)
                .map(e -> new BlockedRequest(e.url(), e.reason())).toList();
    }

    /** The latest refusal for {@code url}'s host and port (the policy decides per host), if any. */
    public Optional<EgressEvent> failureFor(URI url) {
        return failureSince(0, url);
    }

    /** As {@link #failureFor}, among events recorded after the first {@code from}. */
    public synchronized Optional<EgressEvent> failureSince(int from, URI url) {
        String authority = authority(url);
        if (authority == null) return Optional.empty();
        for (int i = events.size() - 1; i >= Math.min(from, events.size()); i--) {
            if (events.get(i).authority().equalsIgnoreCase(authority)) return Optional.of(events.get(i));
        }
        return Optional.empty();
    }

    /** {@code host:port} of an http(s)/ws(s) URL, the default port filled in; null without a host. */
    public static String authority(URI url) {
        String host = EgressGuard.hostOf(url);
        if (host == null) return null;
        int port = url.getPort();
        if (port < 0) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            port = scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        }
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    synchronized int eventCount() {
        return events.size();
    }

    /** Closes the port and its connections; logs a summary when something was refused. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (listener != null) listener.close();
        guard.forget(this);
        List<EgressEvent> seen = events();
        if (!seen.isEmpty()) {
            log.atInfo().addKeyValue("session", label).addKeyValue("refused", refusedCount())
                    .addKeyValue("first", seen.getFirst().reason()).log("egress guard refused requests");
        }
    }

    @Override
    public String toString() {
        return "EgressSession[" + label + (listener == null ? ", off" : ", port " + listener.port()) + "]";
    }
}
