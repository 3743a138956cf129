package io.pagelens.api;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.json.Jackson;
import io.pagelens.store.TenantScope;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request and its response, as a handler sees it. Bodies are read with a size limit (413 past it)
 * and parsed strictly; responses are JSON, a stream, or Server-Sent Events.
 */
public final class Ctx {
    private final HttpExchange ex;
    private final Map<String, String> params;
    private final long maxBodyBytes;
    private Map<String, String> query;
    private int status;
    private Object principal;

    Ctx(HttpExchange ex, Map<String, String> params, long maxBodyBytes) {
        this.ex = ex;
        this.params = params;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String method() {
        return ex.getRequestMethod();
    }

    public String path() {
        return ex.getRequestURI().getPath();
    }

    /** A path parameter declared in the route pattern as {@code {name}}. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalStateException("route declares no path parameter '" + name + "'");
        return v;
    }

    public Optional<String> query(String name) {
        if (query == null) query = parseQuery(ex.getRequestURI().getRawQuery());
        return Optional.ofNullable(query.get(name)).filter(s -> !s.isBlank());
    }

    /** An integer query parameter within [min, max]; 400 naming the parameter otherwise. */
    public int queryInt(String name, int dflt, int min, int max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) return dflt;
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n < min || n > max) throw ApiException.invalid(name, name + " must be between " + min + " and " + max + ", was " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_type", name + " must be a whole number, was '" + v.get() + "'", name);
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(ex.getRequestHeaders().getFirst(name));
    }

    public Headers responseHeaders() {
        return ex.getResponseHeaders();
    }

    public int status() {
        return status;
    }

    /** The authenticated caller, set by the auth filter; null on open routes. */
    @SuppressWarnings("unchecked")
    public <T> T principal() {
        return (T) principal;
    }

    /**
     * Whose data this request may see and write: the API key's tenant (every tenant for an admin key, and on a server
     * without keys). The one place routes get it from: scope every read and write of tenant data with it, and answer
     * 404 for a row it does not {@link TenantScope#sees see}, never 403.
     */
    public TenantScope tenant() {
        return principal instanceof ApiKey k ? k.scope() : TenantScope.ALL;
    }

    void principal(Object p) {
        this.principal = p;
    }

    /** The raw body, at most the configured limit (413 beyond). */
    public byte[] bodyBytes() throws IOException {
        header("Content-Length").ifPresent(cl -> {
            try {
                if (Long.parseLong(cl.trim()) > maxBodyBytes) throw tooLarge();
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad_request", "Content-Length is not a number");
            }
        });
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBodyBytes) throw tooLarge();
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body_too_large", "request body is larger than PAGELENS_MAX_BODY_BYTES (" + maxBodyBytes + " bytes)");
    }

    /** The body as {@code type}, strictly: unknown fields, wrong types and bad values name the field. */
    public <T> T body(Class<T> type) throws IOException {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) throw new ApiException(400, "empty_body", "request body is empty; send a JSON object");
        T value = Jackson.STRICT.forType(type).readValue(bytes);
        // a body of just `null` parses to null (found by ApiFuzzIT): no handler should see it
        if (value == null) throw new ApiException(400, "empty_body", "request body is null; send a JSON object");
        return value;
    }

    public void json(int status, Object body) throws IOException {
        byte[] bytes = Jackson.MAPPER.writeValueAsBytes(body);
        send(status, "application/json", bytes);
    }

    public void send(int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = bytes.length == 0 || method().equals("HEAD") || status == 204 || status == 304;
        this.status = status;
        ex.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Sends headers with a known length and streams the body from {@code in}, never holding it whole. */
    public void stream(int status, String contentType, long length, InputStream in) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        this.status = status;
        if (method().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            in.close();
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (in; OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }

    /** Starts a Server-Sent Events response; events are flushed as they are sent. */
    public SseStream sse() throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        this.status = 200;
        ex.sendResponseHeaders(200, 0);
        return new SseStream(ex.getResponseBody());
    }

    boolean responded() {
        return status != 0;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
