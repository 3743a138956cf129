package io.pagelens.pipeline;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Capturer;
import io.pagelens.capture.Deadline;
import io.pagelens.store.FakeCaptures;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A capturer that writes small fixed outputs, records what it was given, and can fail or take its time. */
final class FakeCapturer implements Capturer {
    final List<CaptureRequest> requests = new CopyOnWriteArrayList<>();
    final List<Deadline> deadlines = new CopyOnWriteArrayList<>();
    CaptureException failWith;
    Duration takes = Duration.ZERO;

    @Override
    public CaptureResult capture(CaptureRequest request, ArtifactSink sink, Deadline deadline) throws CaptureException, InterruptedException {
        requests.add(request);
        deadlines.add(deadline);
        if (!takes.isZero()) Thread.sleep(takes);
        if (failWith != null) {
            sink.discard();
            throw failWith;
        }
        return FakeCaptures.capture(request, sink, "page " + requests.size());
    }
}
