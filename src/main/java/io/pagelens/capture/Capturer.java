package io.pagelens.capture;

/**
 * Captures one page: one navigation in its own browser context produces every format asked for,
 * streamed into the sink. Safe to call from many (virtual) threads; implementations bound concurrency.
 */
public interface Capturer {
    /**
     * Captures {@code request} into {@code sink} before {@code deadline}: waiting for admission and the browser never
     * goes past it, the page's own {@code timeout} is cut to it, and a capture that can no longer finish in time is
     * refused with {@link CaptureError#DEADLINE_EXCEEDED} before it starts. A failed capture has discarded the sink.
     */
    CaptureResult capture(CaptureRequest request, ArtifactSink sink, Deadline deadline) throws CaptureException, InterruptedException;

    /** A capture bounded only by its own timeout and the engine's queue timeout. */
    default CaptureResult capture(CaptureRequest request, ArtifactSink sink) throws CaptureException, InterruptedException {
        return capture(request, sink, Deadline.none());
    }
}
