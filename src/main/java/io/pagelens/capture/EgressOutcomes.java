package io.pagelens.capture;

import io.pagelens.egress.BlockedRequest;
import io.pagelens.egress.EgressEvent;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins what Chromium reported failing with what the egress proxy refused, for the capture report. A refused
 * CONNECT reaches Chromium only as ERR_TUNNEL_CONNECTION_FAILED (the proxy cannot see the https URL, Chromium does
 * not see the reason), so such entries take the proxy's reason: blocked ones move to {@code blockedRequests}, the
 * others keep a Chromium-style error name. A refused plain-http request is a 403/502 response to Chromium, not a
 * failure, so it is added from the proxy's side.
 */
final class EgressOutcomes {
    record Merged(List<BlockedRequest> blocked, List<String> failed) {
    }

    private EgressOutcomes() {
    }

    static Merged merge(List<String> chromiumFailed, List<EgressEvent> events, int cap) {
        Map<String, EgressEvent> tunnels = new HashMap<>();
        for (EgressEvent e : events) if (e.tunnel()) tunnels.put(e.authority(), e);
        Set<String> explained = new HashSet<>();
        Set<BlockedRequest> blocked = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        for (String f : chromiumFailed) {
            int sep = f.lastIndexOf(": ");
            String url = sep < 0 ? f : f.substring(0, sep);
            EgressEvent e = f.contains("ERR_TUNNEL_CONNECTION_FAILED") ? tunnels.get(authority(url)) : null;
            if (e == null) {
                failed.add(f);
                continue;
            }
            explained.add(e.authority());
            if (e.outcome() == EgressEvent.Outcome.BLOCKED) blocked.add(new BlockedRequest(url, e.reason()));
            else failed.add(url + ": " + netError(e));
        }
        for (EgressEvent e : events) {
            if (e.tunnel() && explained.contains(e.authority())) continue;
            if (e.outcome() == EgressEvent.Outcome.BLOCKED) blocked.add(new BlockedRequest(e.url(), e.reason()));
            else failed.add(e.url() + ": " + netError(e));
        }
        List<BlockedRequest> b = new ArrayList<>(blocked);
        Set<String> blockedUrls = new HashSet<>();
        for (BlockedRequest r : b) blockedUrls.add(r.url());
        // Chromium also lists some refused requests as "canceled" (a 403 stylesheet, a prefetch): once is enough
        List<String> fl = new ArrayList<>(new LinkedHashSet<>(failed));
        fl.removeIf(f -> f.lastIndexOf(": ") > 0 && blockedUrls.contains(f.substring(0, f.lastIndexOf(": "))));
        return new Merged(b.subList(0, Math.min(cap, b.size())), fl.subList(0, Math.min(cap, fl.size())));
    }

    /** Chromium's name for what the proxy met, so reports read the same with and without the guard. */
    private static String netError(EgressEvent e) {
        if (e.reason().startsWith("net::")) return e.reason(); // the proxy named the connect error itself
        String name = e.outcome() == EgressEvent.Outcome.UNRESOLVED ? "net::ERR_NAME_NOT_RESOLVED" : "net::ERR_CONNECTION_FAILED";
        return name + " (" + e.reason() + ")";
    }

    private static String authority(String url) {
        try {
            return io.pagelens.egress.EgressSession.authority(URI.create(url));
        } catch (IllegalArgumentException e) {
            return null; // a truncated or odd URL: left as Chromium reported it
        }
    }
}
