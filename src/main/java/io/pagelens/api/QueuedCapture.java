package io.pagelens.api;

import io.pagelens.capture.CaptureError;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobState;
import io.pagelens.pipeline.CaptureJobResult;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.OrderCodec;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;

/**
 * A capture a route needs for its own answer (a brand profile), run as every capture is: a job in the durable queue,
 * claimed by a worker's one capture service (behind the egress guard and the memory governor), awaited within the
 * order's deadline. A web node without a browser works the same way.
 */
final class QueuedCapture {
    private final OrderCodec codec;
    private final Storage storage;
    private final int maxAttempts;

    QueuedCapture(OrderCodec codec, Storage storage, int maxAttempts) {
        this.codec = codec;
        this.storage = storage;
        this.maxAttempts = maxAttempts;
    }

    /** Runs {@code order} (stored, with a deadline) and returns the stored capture; the job's error as an ApiException. */
    StoredCapture run(JobService jobs, CaptureOrder order) throws InterruptedException {
        Job job = jobs.submit(codec.toJob(order, maxAttempts));
        Job done = jobs.await(job.id(), order.deadline().plus(CaptureRoutes.DEADLINE_GRACE));
        if (!done.state().terminal()) {
            jobs.cancel(job.id());
            throw ApiException.of(CaptureError.DEADLINE_EXCEEDED, "the capture did not finish within its request deadline; retry later", null);
        }
        if (done.state() != JobState.SUCCEEDED) {
            throw new ApiException(CaptureError.fromCode(done.errorCode()).httpStatus(), done.errorCode(), done.errorMessage());
        }
        String id = CaptureJobResult.parse(done.result()).map(CaptureJobResult::captureId)
                .orElseThrow(() -> new IllegalStateException("capture job " + done.id() + " succeeded without a capture id"));
        return storage.capture(id).orElseThrow(() -> new IllegalStateException("capture " + id + " vanished"));
    }
}
