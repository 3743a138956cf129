package io.pagelens.egress;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * {@link EgressHttp} on the JDK client. The JDK client cannot be told which address to connect to, so it is routed
 * through the guard's proxy (absolute-form requests for http, CONNECT for https), which resolves once and connects
 * to the checked address. The proxy's refusals come back as {@link EgressBlockedException} with its reason.
 */
final class ProxiedHttp implements EgressHttp {
    private final EgressGuard guard;
    private final EgressSession session; // null when the guard is off
    private final HttpClient client;

    ProxiedHttp(EgressGuard guard, EgressSession session, HttpClient client) {
        this.guard = guard;
        this.session = session;
        this.client = client;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        Decision pre = guard.checkNavigation(request.uri());
        if (!pre.isAllowed()) throw new EgressBlockedException(EgressEvent.Outcome.BLOCKED, pre.reason());
        if (session == null) return client.send(request, body);
        int mark = session.eventCount();
        HttpResponse<T> response;
        try {
            response = client.send(request, body);
        } catch (IOException e) {
            Optional<EgressEvent> refused = session.failureSince(mark, request.uri());
            if (refused.isEmpty()) throw e;
            EgressBlockedException b = new EgressBlockedException(refused.get().outcome(), refused.get().reason());
            b.initCause(e);
            throw b;
        }
        if (response.headers().firstValue(ProxyConnection.MARK_HEADER).isPresent()) {
            Optional<EgressEvent> refused = session.failureSince(mark, request.uri());
            if (refused.isPresent()) throw new EgressBlockedException(refused.get().outcome(), refused.get().reason());
        }
        return response;
    }
}
