package io.pagelens.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Capturer;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.store.BlobSink;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs capture jobs: the engine renders into the blob store, then the store saves the record under its key.
 * A capture that fails leaves nothing half-stored (the sink is discarded; blobs already published are
 * collected by GC). When the job has a deadline (a synchronous request waits for it), the capture's own
 * timeout is cut to what is left of it.
 */
public final class CaptureJobHandler implements JobHandler {
    public static final String KIND = "capture";

    private final Capturer capturer;
    private final Storage storage;
    private final Clock clock;

    public CaptureJobHandler(Capturer capturer, Storage storage, Clock clock) {
        this.capturer = capturer;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The key a capture is stored under; names the API field of a bad part. */
    public static CaptureKey key(CaptureSpec spec, CaptureRequest request) {
        return CaptureKey.of(spec.projectId() == null ? CaptureKey.DEFAULT_PROJECT : spec.projectId(), spec.pageType(),
                request, spec.variantId());
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        CaptureSpec spec = spec(job);
        CaptureRequest request;
        CaptureKey key;
        try {
            request = withinDeadline(spec.toRequest(), job);
            key = key(spec, request);
        } catch (InvalidRequestException e) {
            throw new JobFailure("invalid_value", e.getMessage(), false, 422);
        }
        if (spec.maxAge() != null) {
            Optional<CacheHit> hit = storage.findFresh(key, Duration.ofMillis(spec.maxAge()));
            if (hit.isPresent()) return result(hit.get().capture(), true);
        }
        ctx.progress("capturing");
        BlobSink sink = storage.openSink();
        CaptureResult result;
        try {
            result = capturer.capture(request, sink);
        } catch (CaptureException e) {
            sink.discard();
            throw failure(e);
        } catch (InterruptedException | RuntimeException e) {
            sink.discard();
            throw e;
        }
        ctx.progress("storing");
        return result(storage.save(key, result, sink), false);
    }

    private static JobFailure failure(CaptureException e) {
        CaptureError err = e.error();
        return new JobFailure(err.name().toLowerCase(Locale.ROOT), e.getMessage(), err.retryable(), err.httpStatus(), e);
    }

    /** The HTTP status of a failed capture job's error code, for synchronous callers. */
    public static int httpStatus(String code) {
        if (code == null) return 500;
        if (code.equals("deadline_exceeded")) return 503;
        if (code.equals("invalid_value")) return 422;
        try {
            return CaptureError.valueOf(code.toUpperCase(Locale.ROOT)).httpStatus();
        } catch (IllegalArgumentException e) {
            return 500;
        }
    }

    private CaptureRequest withinDeadline(CaptureRequest r, Job job) throws JobFailure {
        if (job.deadlineAt() == null) return r;
        Duration left = Duration.between(clock.instant(), job.deadlineAt());
        if (left.toMillis() < 1) throw new JobFailure("deadline_exceeded", "the request deadline passed before the capture could start", false, 503);
        if (left.compareTo(r.timeout()) >= 0) return r;
        if (left.compareTo(r.delay()) <= 0) {
            throw new JobFailure("deadline_exceeded", "too little of the request deadline is left for the requested delay", false, 503);
        }
        return r.toBuilder().timeout(left).build();
    }

    private static String result(StoredCapture c, boolean cached) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("captureId", c.id());
        if (cached) n.put("cached", true);
        return n.toString();
    }

    private static CaptureSpec spec(Job job) throws JobFailure {
        try {
            return Json.MAPPER.readValue(job.payload(), CaptureSpec.class);
        } catch (IOException e) {
            throw new JobFailure("bad_payload", "capture job payload unreadable: " + e.getMessage(), false, 500);
        }
    }

    /** A signed webhook delivery when the job asked for one and has ended. */
    @Override
    public Optional<NewJob> followUp(Job finished) {
        if (!finished.state().terminal()) return Optional.empty();
        CaptureSpec spec;
        try {
            spec = spec(finished);
        } catch (JobFailure e) {
            return Optional.empty();
        }
        if (spec.webhook() == null) return Optional.empty();
        String event = "capture." + finished.state().id();
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("event", event)
                .put("jobId", finished.id())
                .put("state", finished.state().id())
                .put("at", clock.instant().toString());
        ObjectNode links = body.putObject("links").put("job", "/v1/jobs/" + finished.id());
        if (finished.result() != null) {
            try {
                String captureId = Json.MAPPER.readTree(finished.result()).path("captureId").asText(null);
                if (captureId != null) {
                    body.put("captureId", captureId);
                    links.put("capture", "/v1/captures/" + captureId);
                }
            } catch (IOException e) {
                // result is written by run(); unreadable only if hand-edited, and then the body just lacks the id
            }
        }
        if (finished.errorCode() != null && finished.state() != JobState.SUCCEEDED) {
            body.putObject("error").put("code", finished.errorCode()).put("message", finished.errorMessage());
        }
        String payload;
        try {
            payload = Json.MAPPER.writeValueAsString(new WebhookHandler.Delivery(spec.webhookUri().toString(), event, body.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(new NewJob(WebhookHandler.KIND, JobPriority.NORMAL, payload, WebhookHandler.MAX_ATTEMPTS, null,
                finished.owner(), finished.id()));
    }
}
