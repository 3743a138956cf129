package io.pagelens.egress;

/**
 * A request the egress guard refused, as the capture report lists it.
 *
 * @param url    what was asked for (for an https or wss request whose URL the proxy could not see: the URL Chromium
 *               reported, else {@code host:port})
 * @param reason the rule, e.g. "blocked: 127.0.0.2 is loopback (127.0.0.0/8)"
 */
public record BlockedRequest(String url, String reason) {
}
