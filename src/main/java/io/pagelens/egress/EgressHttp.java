package io.pagelens.egress;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An HTTP client whose every connection goes through the egress guard: what the webhook sender and the
 * crawler's robots/sitemap fetcher use instead of a bare {@link java.net.http.HttpClient}. Made by
 * {@link EgressGuard#http}.
 */
public interface EgressHttp {
    /**
     * Sends {@code request} as {@link java.net.http.HttpClient#send} does.
     *
     * @throws EgressBlockedException when the guard refused the host (outcome BLOCKED, the message names the rule),
     *                                it has no address (UNRESOLVED) or no checked address answered (UNREACHABLE)
     */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException;
}
