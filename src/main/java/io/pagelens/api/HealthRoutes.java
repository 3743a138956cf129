package io.pagelens.api;

import io.pagelens.jobs.JobService;
import io.pagelens.jobs.WorkerPool;
import io.pagelens.observe.BuildInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Liveness, readiness, status and metrics. Readiness is false while draining for shutdown, when the
 * database does not answer, or when the memory governor stops admitting work, so a router sends new
 * requests elsewhere instead of into a queue that cannot move.
 */
public final class HealthRoutes {
    private final JobService jobs;
    private final WorkerPool workers; // null in a web-only process
    private final ApiHooks hooks;
    private final AtomicBoolean draining;
    private final Instant startedAt = Instant.now();
    private final byte[] metricsTokenHash; // null: /metrics is open

    public HealthRoutes(JobService jobs, WorkerPool workers, ApiHooks hooks, AtomicBoolean draining) {
        this(jobs, workers, hooks, draining, null);
    }

    /** @param metricsToken the bearer token {@code /metrics} requires ({@code PAGELENS_METRICS_TOKEN}); null for none */
    public HealthRoutes(JobService jobs, WorkerPool workers, ApiHooks hooks, AtomicBoolean draining, String metricsToken) {
        this.jobs = jobs;
        this.workers = workers;
        this.hooks = hooks;
        this.draining = draining;
        this.metricsTokenHash = metricsToken == null ? null : sha256(metricsToken);
    }

    public void register(Router r) {
        r.document(HealthRoutes.class, "openapi/health.json");
        r.open(o -> o
                .get("/health/live", ctx -> ctx.json(200, Map.of("status", "ok")))
                .get("/health/ready", this::ready)
                .get("/metrics", this::metrics));
        r.get("/v1/status", this::status);
    }

    private void ready(Ctx ctx) throws IOException {
        List<String> reasons = new ArrayList<>();
        if (draining.get()) reasons.add("shutting down");
        if (!hooks.memoryReady().getAsBoolean()) reasons.add("memory pressure: not admitting new captures");
        try {
            jobs.store().queued();
        } catch (RuntimeException e) {
            reasons.add("database unreachable");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", reasons.isEmpty());
        if (!reasons.isEmpty()) body.put("reasons", reasons);
        ctx.json(reasons.isEmpty() ? 200 : 503, body);
    }

    private void status(Ctx ctx) throws IOException {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("queued", jobs.store().queued());
        queue.put("running", jobs.store().running());
        queue.put("limit", jobs.queueLimit());
        if (workers != null) {
            queue.put("workers", workers.workers());
            queue.put("activeHere", workers.active());
            queue.put("averageJobMs", workers.averageJobTime().toMillis());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", BuildInfo.current().version());
        body.put("commit", BuildInfo.current().commit());
        body.put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds());
        body.put("draining", draining.get());
        body.put("browser", hooks.browserStatus().get());
        body.put("queue", queue);
        body.put("memory", hooks.memoryStatus().get());
        ctx.json(200, body);
    }

    private void metrics(Ctx ctx) throws IOException {
        if (metricsTokenHash != null) {
            String h = ctx.header("Authorization").orElse("");
            String sent = h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
            // digests of equal length, compared in constant time: neither the token nor its length leaks through timing
            if (!java.security.MessageDigest.isEqual(metricsTokenHash, sha256(sent))) {
                throw new ApiException(401, "unauthorized", "/metrics needs 'Authorization: Bearer <PAGELENS_METRICS_TOKEN>'");
            }
        }
        ctx.send(200, "text/plain; version=0.0.4; charset=utf-8", hooks.prometheus().get().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
