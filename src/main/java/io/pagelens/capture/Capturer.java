package io.pagelens.capture;

/**
 * Captures one page: one navigation in its own browser context produces every format asked for,
 * streamed into the sink. Safe to call from many (virtual) threads; implementations bound concurrency.
 */
public interface Capturer {
    CaptureResult capture(CaptureRequest request, ArtifactSink sink) throws CaptureException, InterruptedException;
}
