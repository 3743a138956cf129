package io.pagelens.api;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.Format;
import io.pagelens.content.Link;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobState;
import io.pagelens.pipeline.CaptureJobResult;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.pipeline.OrderCodec;
import io.pagelens.pipeline.StoredVariants;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/captures}. The body becomes a {@link CaptureOrder} here, validated once; a fresh stored capture
 * ({@code maxAge}) answers at once, else the order goes through the durable queue, so one limit bounds all work and
 * interactive requests are claimed before batch ones. A synchronous request waits for its job within its deadline
 * (queue time included), which travels with the order down to the capture and the save, and answers 503 when it passes.
 */
public final class CaptureRoutes implements RouteGroup {
    /** How long a synchronous waiter allows past the deadline for a running job's end to reach it (another process polls). */
    static final Duration DEADLINE_GRACE = Duration.ofMillis(500);

    private final CaptureService captures;
    private final Storage storage;
    private final OrderCodec codec;
    private final Duration requestDeadline;
    private final int maxAttempts;
    private final boolean webhooks;
    private final boolean handOffLate;
    private final Clock clock;
    private final InputLimits limits;
    private JobService jobs;

    public CaptureRoutes(CaptureService captures, Storage storage, OrderCodec codec, ApiSettings settings, Clock clock) {
        this.captures = captures;
        this.storage = storage;
        this.codec = codec;
        this.requestDeadline = settings.requestDeadline();
        this.maxAttempts = settings.maxAttempts();
        this.webhooks = settings.webhookSecret() != null;
        this.handOffLate = settings.handOffLateCaptures();
        this.clock = clock;
        this.limits = settings.limits();
    }

    @Override
    public void register(Router r, JobService jobs) {
        this.jobs = jobs;
        r.document(CaptureRoutes.class, "openapi/captures.json");
        r.path("/v1/captures", g -> g
                .post("", this::create)
                .get("/{id}", this::get)
                .delete("/{id}", this::delete)
                .get("/{id}/links", this::links)
                .get("/{id}/{artifact}", this::artifact));
    }

    private void create(Ctx ctx) throws Exception {
        CaptureSpec spec = ctx.body(CaptureSpec.class);
        limits.check(spec);
        if (spec.webhook() != null && !webhooks) {
            throw ApiException.invalid("webhook", "webhooks are disabled on this server (PAGELENS_WEBHOOK_SECRET is not set)");
        }
        ApiKey caller = ctx.principal();
        Instant start = clock.instant();
        // behind a router with a hard timeout (Heroku), a synchronous capture without a deadline of its own runs
        // on as a job once the request deadline passes, and the caller gets 202 with it instead of a router error
        boolean handOff = handOffLate && !spec.runsAsync() && spec.deadline() == null;
        CaptureOrder order = CaptureOrder.from(spec)
                .storing(CaptureOrder.Storing.ALWAYS)
                .deadline(spec.runsAsync() || handOff ? null : start.plus(requestDeadline))
                .defaultPriority(spec.runsAsync() ? JobPriority.NORMAL : JobPriority.INTERACTIVE)
                .owner(caller == null ? null : caller.id())
                .tenant(ctx.tenant().owner())
                .variants(StoredVariants.of(storage, io.pagelens.store.TenantScope.of(ctx.tenant().owner())))
                .build(start);
        Optional<CaptureOutcome> hit = captures.cached(order);
        if (hit.isPresent()) {
            ctx.json(200, CaptureView.of(hit.get().stored(), true, hit.get().age().toMillis(), null));
            return;
        }
        Job job = jobs.submit(codec.toJob(order.withoutMaxAge(), maxAttempts)); // the cache was just asked
        if (spec.runsAsync()) {
            accepted(ctx, job);
            return;
        }
        if (handOff) {
            Job now = jobs.await(job.id(), start.plus(requestDeadline));
            if (now.state().terminal()) answer(ctx, now);
            else accepted(ctx, now);
            return;
        }
        Job atDeadline = jobs.await(job.id(), order.deadline());
        // a running job ends by its deadline (its capture stops earlier, its save has a reserve): allow its end to arrive;
        // a job still queued at the deadline cannot finish, so it is cancelled at once
        Job done = atDeadline.state() == JobState.RUNNING ? jobs.await(job.id(), order.deadline().plus(DEADLINE_GRACE)) : atDeadline;
        if (!done.state().terminal()) {
            jobs.cancel(job.id()); // a queued job ends here; a running one is stopped by its worker, nothing is stored
            long budget = Duration.between(start, order.deadline()).toMillis();
            String where = done.startedAt() == null ? "it was still waiting in the queue"
                    : "it started after " + Duration.between(start, done.startedAt()).toMillis() + " ms in the queue";
            throw ApiException.of(CaptureError.DEADLINE_EXCEEDED, "the capture did not finish within its " + budget
                    + " ms request deadline (" + where + "); nothing was stored. Retry later or send \"async\": true", null);
        }
        answer(ctx, done);
    }

    /** 202 with the job to follow ({@code Location}), for async requests and captures handed off at the deadline. */
    private static void accepted(Ctx ctx, Job job) throws IOException {
        ctx.responseHeaders().set("Location", "/v1/jobs/" + job.id());
        ctx.json(202, JobView.of(job));
    }

    /** The answer of a synchronous request whose job ended: the capture, or the job's error. */
    private void answer(Ctx ctx, Job done) throws IOException {
        if (done.state() != JobState.SUCCEEDED) {
            throw new ApiException(CaptureError.fromCode(done.errorCode()).httpStatus(), done.errorCode(), done.errorMessage());
        }
        CaptureJobResult result = CaptureJobResult.parse(done.result())
                .orElseThrow(() -> new IllegalStateException("capture job " + done.id() + " succeeded without a capture id"));
        StoredCapture c = capture(ctx, result.captureId());
        ctx.json(200, CaptureView.of(c, result.isCached() ? Boolean.TRUE : null, result.ageMs(), done.id(), pageLinks(c)));
    }

    /** The page's links for a single-capture answer; null when the capture did not ask for them. */
    private List<Link> pageLinks(StoredCapture c) {
        return c.artifact(Format.LINKS).isPresent() ? storage.links(c.id()) : null;
    }

    private StoredCapture capture(Ctx ctx, String id) {
        return storage.capture(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("capture", id));
    }

    private void get(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx, ctx.param("id"));
        ctx.json(200, CaptureView.of(c, null, null, null, pageLinks(c)));
    }

    /** The links found on the page, as extracted when it was captured with {@code formats: ["links"]}. */
    private void links(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx, ctx.param("id"));
        if (c.artifact(Format.LINKS).isEmpty()) {
            throw new ApiException(404, "not_found", "capture " + c.id() + " has no links; ask for them with formats: [\"links\"]");
        }
        List<Link> links = storage.links(c.id());
        ctx.json(200, Map.of("captureId", c.id(), "count", links.size(), "links", links));
    }

    /** Deletes the record and its artifact references; the blobs are freed by the next GC unless another capture holds them. */
    private void delete(Ctx ctx) throws IOException {
        String id = ctx.param("id");
        if (!storage.deleteCapture(ctx.tenant(), id)) throw ApiException.notFound("capture", id);
        ctx.send(204, "application/json", new byte[0]);
    }

    private void artifact(Ctx ctx) throws IOException {
        StoredCapture c = capture(ctx, ctx.param("id"));
        String name = ctx.param("artifact");
        Format format = CaptureView.DOWNLOADABLE.stream().filter(f -> f.id().equals(name)).findFirst()
                .orElseThrow(() -> new ApiException(404, "not_found", "no artifact '" + name + "' (expected screenshot, html, markdown, text, metadata, pdf or links)"));
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
