package io.pagelens.api;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Format;
import io.pagelens.jobs.CaptureJobHandler;
import io.pagelens.jobs.CaptureSpec;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobState;
import io.pagelens.jobs.Json;
import io.pagelens.jobs.NewJob;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code /v1/captures}. Every capture, synchronous or not, goes through the durable queue, so one limit
 * bounds all work and interactive requests are claimed before batch ones. A synchronous request waits for
 * its job within the request deadline (queue time included) and answers 503 when it passes.
 */
public final class CaptureRoutes implements PagelensServer.RouteGroup {
    /** Time a synchronous waiter allows after the deadline for storing the result. */
    static final Duration SAVE_MARGIN = Duration.ofSeconds(5);

    private final Storage storage;
    private final Duration requestDeadline;
    private final int maxAttempts;
    private final boolean webhooks;
    private final Clock clock;
    private JobService jobs;

    public CaptureRoutes(Storage storage, ApiSettings settings, Clock clock) {
        this.storage = storage;
        this.requestDeadline = settings.requestDeadline();
        this.maxAttempts = settings.maxAttempts();
        this.webhooks = settings.webhookSecret() != null;
        this.clock = clock;
    }

    @Override
    public void register(Router r, JobService jobs) {
        this.jobs = jobs;
        r.document(CaptureRoutes.class, "openapi/captures.json");
        r.path("/v1/captures", g -> g
                .post("", this::create)
                .get("/{id}", this::get)
                .get("/{id}/{artifact}", this::artifact));
    }

    private void create(Ctx ctx) throws IOException, InterruptedException {
        CaptureSpec spec = ctx.body(CaptureSpec.class);
        spec.validateJobOptions();
        CaptureRequest request = spec.toRequest();
        CaptureKey key = CaptureJobHandler.key(spec, request);
        if (spec.webhook() != null && !webhooks) {
            throw ApiException.invalid("webhook", "webhooks are disabled on this server (PAGELENS_WEBHOOK_SECRET is not set)");
        }
        if (spec.maxAge() != null) {
            Optional<CacheHit> hit = storage.findFresh(key, Duration.ofMillis(spec.maxAge()));
            if (hit.isPresent()) {
                ctx.json(200, CaptureView.of(hit.get().capture(), true, hit.get().age().toMillis(), null));
                return;
            }
        }
        ApiKey caller = ctx.principal();
        Instant start = clock.instant();
        Instant deadline = spec.isAsync() ? null : start.plus(requestDeadline);
        NewJob n = new NewJob(CaptureJobHandler.KIND, spec.priorityOr(spec.isAsync() ? JobPriority.NORMAL : JobPriority.INTERACTIVE),
                Json.MAPPER.writeValueAsString(spec), maxAttempts, deadline, caller == null ? null : caller.id(), null);
        Job job = jobs.submit(n);
        if (spec.isAsync()) {
            ctx.responseHeaders().set("Location", "/v1/jobs/" + job.id());
            ctx.json(202, JobView.of(job));
            return;
        }
        Job done = jobs.await(job.id(), deadline.plus(SAVE_MARGIN));
        if (!done.state().terminal()) {
            jobs.cancel(job.id());
            long waited = Duration.between(start, done.startedAt() == null ? clock.instant() : done.startedAt()).toSeconds();
            throw new ApiException(503, "deadline_exceeded", "the capture did not finish within the " + requestDeadline.toSeconds()
                    + " s request deadline (" + waited + " s of it waiting in the queue); retry later or send \"async\": true");
        }
        if (done.state() != JobState.SUCCEEDED) {
            throw new ApiException(CaptureJobHandler.httpStatus(done.errorCode()), done.errorCode(), done.errorMessage());
        }
        String captureId = Json.MAPPER.readTree(done.result()).path("captureId").asText();
        StoredCapture c = storage.capture(captureId).orElseThrow(() -> ApiException.notFound("capture", captureId));
        boolean cached = Json.MAPPER.readTree(done.result()).path("cached").asBoolean(false);
        ctx.json(200, CaptureView.of(c, cached ? Boolean.TRUE : null, cached ? c.age(clock).toMillis() : null, done.id()));
    }

    private StoredCapture capture(String id) {
        return storage.capture(id).orElseThrow(() -> ApiException.notFound("capture", id));
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, CaptureView.of(capture(ctx.param("id")), null, null, null));
    }

    private void artifact(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx.param("id"));
        String name = ctx.param("artifact");
        Format format = CaptureView.DOWNLOADABLE.stream().filter(f -> f.id().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "not_found", "no artifact '" + name + "' (expected screenshot, html, markdown, text or pdf)"));
        StoredArtifact a = c.artifact(format)
                .orElseThrow(() -> new ApiException(404, "not_found", "capture " + c.id() + " has no " + name + "; ask for it in formats"));
        ctx.responseHeaders().set("ETag", a.etag());
        // content-addressed: the bytes behind an ETag never change
        ctx.responseHeaders().set("Cache-Control", "private, max-age=31536000, immutable");
        if (ctx.header("If-None-Match").map(v -> matches(v, a.etag())).orElse(false)) {
            ctx.send(304, a.contentType(), new byte[0]);
            return;
        }
        boolean image = a.contentType().startsWith("image/");
        if (image) ctx.responseHeaders().set("Accept-Ranges", "bytes");
        Optional<ByteRange> range = image ? ctx.header("Range").map(h -> ByteRange.parse(h, a.bytes())) : Optional.empty();
        if (range.isPresent()) {
            ByteRange br = range.get();
            BlobContent part = storage.open(a, br.first(), br.length()).orElseThrow(() -> missingBlob(c));
            ctx.responseHeaders().set("Content-Range", "bytes " + br.first() + "-" + br.last() + "/" + a.bytes());
            ctx.stream(206, a.contentType(), part.length(), part.stream());
            return;
        }
        BlobContent whole = storage.open(a).orElseThrow(() -> missingBlob(c));
        ctx.stream(200, a.contentType(), whole.length(), whole.stream());
    }

    private static ApiException missingBlob(StoredCapture c) {
        return new ApiException(500, "blob_missing", "the stored content of capture " + c.id() + " is missing; capture it again");
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.startsWith("W/")) v = v.substring(2);
            if (v.equals("*") || v.equals(etag)) return true;
        }
        return false;
    }
}
