package io.pagelens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobContext;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobState;
import io.pagelens.jobs.NewJob;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs capture jobs: the stored order goes to the {@link CaptureService} as it is, and a failure keeps the capture
 * error's code (its HTTP status is the {@link CaptureError}'s). When the job ends, its webhook (if any) is the
 * follow-up.
 */
public final class CaptureJobHandler implements JobHandler {
    public static final String KIND = "capture";

    private final CaptureService service;
    private final OrderCodec codec;
    private final Clock clock;

    public CaptureJobHandler(CaptureService service, OrderCodec codec, Clock clock) {
        this.service = service;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        try {
            CaptureOrder order = codec.fromJob(job);
            return CaptureJobResult.of(service.run(order, null, ctx::progress)).json();
        } catch (CaptureException e) {
            CaptureError err = e.error();
            throw new JobFailure(err.code(), e.getMessage(), err.retryable(), e);
        }
    }

    /** A signed webhook delivery when the job asked for one and has ended. */
    @Override
    public Optional<NewJob> followUp(Job finished) {
        if (!finished.state().terminal()) return Optional.empty();
        URI hook;
        try {
            hook = codec.webhook(finished);
        } catch (CaptureException e) {
            return Optional.empty();
        }
        if (hook == null) return Optional.empty();
        String event = "capture." + finished.state().id();
        ObjectNode body = Jackson.MAPPER.createObjectNode()
                .put("event", event)
                .put("jobId", finished.id())
                .put("state", finished.state().id())
                .put("at", clock.instant().toString());
        ObjectNode links = body.putObject("links").put("job", "/v1/jobs/" + finished.id());
        CaptureJobResult.parse(finished.result()).ifPresent(r -> {
            body.put("captureId", r.captureId());
            links.put("capture", "/v1/captures/" + r.captureId());
        });
        if (finished.errorCode() != null && finished.state() != JobState.SUCCEEDED) {
            body.putObject("error").put("code", finished.errorCode()).put("message", finished.errorMessage());
        }
        String payload;
        try {
            payload = Jackson.MAPPER.writeValueAsString(new WebhookHandler.Delivery(hook.toString(), event, body.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new NewJob(WebhookHandler.KIND, JobPriority.NORMAL, payload, null, WebhookHandler.MAX_ATTEMPTS, null,
                finished.owner(), finished.id()));
    }
}
