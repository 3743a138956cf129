package io.pagelens.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.pagelens.observe.LogContext;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDK's built-in HTTP server on virtual threads (the lightest measured: 63 MB PSS), one context that
 * dispatches through the {@link Router}, one error mapping, and a structured access log line per request.
 * Every request gets an id ({@link RequestIds}) on all its log lines and in its {@code X-Request-ID} response
 * header, and is timed in {@code http_server_requests_seconds} by method, route template and status.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger access = LoggerFactory.getLogger("io.pagelens.access");

    /** Request bodies above this are refused with 413; capture options are small. */
    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Router router;
    private final RequestGuard guard;
    private final MemoryProbe memory;
    private final long maxBodyBytes;
    private final InputLimits limits;
    private final MeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** As {@link #ApiServer(String, int, Router, RequestGuard, MemoryProbe, long, MeterRegistry)} on the global registry. */
    public ApiServer(String host, int port, Router router, RequestGuard guard, MemoryProbe memory, long maxBodyBytes) throws IOException {
        this(host, port, router, guard, memory, maxBodyBytes, Metrics.globalRegistry);
    }

    public ApiServer(String host, int port, Router router, RequestGuard guard, MemoryProbe memory, long maxBodyBytes,
                     MeterRegistry registry) throws IOException {
        this(host, port, router, guard, memory, maxBodyBytes, registry, InputLimits.DEFAULTS);
    }

    /** @param limits the request target's length is checked here (414); routes check their bodies' fields */
    public ApiServer(String host, int port, Router router, RequestGuard guard, MemoryProbe memory, long maxBodyBytes,
                     MeterRegistry registry, InputLimits limits) throws IOException {
        this.limits = limits;
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        this.router = router;
        this.guard = guard;
        this.memory = memory;
        this.maxBodyBytes = maxBodyBytes;
        this.registry = registry;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public ApiServer start() {
        server.start();
        log.atInfo().addKeyValue("port", port()).log("http started");
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange ex) {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Router.Match m = router.find(method, path);
        Ctx ctx = new Ctx(ex, m.params(), maxBodyBytes);
        String requestId = RequestIds.accept(ex.getRequestHeaders().getFirst(RequestIds.HEADER));
        ex.getResponseHeaders().set(RequestIds.HEADER, requestId);
        try (ex; LogContext.Scope ignored = LogContext.put(LogContext.REQUEST_ID, requestId)) {
            try {
                limits.requestTarget(ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
                if (!m.found()) {
                    if (!m.allowed().isEmpty()) {
                        ex.getResponseHeaders().set("Allow", String.join(", ", m.allowed()));
                        throw new ApiException(405, "method_not_allowed", method + " is not allowed on " + path + " (allowed: " + String.join(", ", m.allowed()) + ")");
                    }
                    throw new ApiException(404, "not_found", "no route for " + method + " " + path);
                }
                if (!m.route().open()) ctx.principal(guard.authorize(ctx));
                m.route().handler().handle(ctx);
            } catch (Throwable t) {
                if (t instanceof InterruptedException) Thread.currentThread().interrupt();
                respondError(ctx, ErrorMapper.map(t));
            }
        } finally {
            long nanos = System.nanoTime() - t0;
            try (LogContext.Scope ignored = LogContext.put(LogContext.REQUEST_ID, requestId)) {
                logAccess(ctx, method, path, nanos / 1_000_000);
            }
            // the route template, never the raw path: ids in paths would make one series per request
            String route = m.found() ? m.route().pattern() : m.allowed().isEmpty() ? "unmatched" : "method_not_allowed";
            Timer.builder(MeterNames.HTTP_SERVER_REQUESTS).description("HTTP requests served, by route template")
                    .tag("method", KNOWN_METHODS.contains(method) ? method : "OTHER").tag("route", route).tag("status", Integer.toString(ctx.status()))
                    .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static void respondError(Ctx ctx, ApiException e) {
        if (ctx.responded()) {
            // headers already went out (stream or SSE broke midway): nothing more can be said to the client
            log.atDebug().addKeyValue("code", e.code()).addKeyValue("message", e.getMessage()).log("error after response started");
            return;
        }
        try {
            if (e.status() == 401) ctx.responseHeaders().set("WWW-Authenticate", "Bearer");
            e.headers().forEach((k, v) -> ctx.responseHeaders().set(k, v));
            ctx.json(e.status(), new ErrorBody(e.code(), e.getMessage(), e.field()));
        } catch (IOException io) {
            log.atDebug().addKeyValue("path", ctx.path()).log("client gone");
        }
    }

    private void logAccess(Ctx ctx, String method, String path, long ms) {
        if (!access.isInfoEnabled()) return;
        MemoryProbe.Figures f = memory.read();
        access.atInfo().addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", ctx.status())
                .addKeyValue("ms", ms).addKeyValue("rssMb", f.rssMb()).addKeyValue("heapMb", f.heapMb())
                .addKeyValue("chromiumMb", f.chromiumMb()).log("request");
    }

    /** Stops accepting connections and waits up to {@code grace} for exchanges in progress. Idempotent. */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) return;
        long t0 = System.nanoTime();
        server.stop((int) Math.max(0, Math.min(Integer.MAX_VALUE, grace.toSeconds())));
        executor.shutdownNow();
        log.atInfo().addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("http stopped");
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
