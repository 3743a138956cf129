package io.pagelens.cli;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Capturer;
import io.pagelens.capture.Deadline;

import java.util.function.Supplier;

/**
 * The capture engine, made on the first capture: a run answered from the store ({@code --max-age}) never starts
 * Chromium or the memory governor. Closes the engine if it was made.
 */
final class LazyEngine implements Capturer, AutoCloseable {
    private final Supplier<CaptureEngine> engines;
    private CaptureEngine engine; // guarded by this

    LazyEngine(Supplier<CaptureEngine> engines) {
        this.engines = engines;
    }

    private synchronized CaptureEngine engine() {
        if (engine == null) engine = engines.get();
        return engine;
    }

    @Override
    public CaptureResult capture(CaptureRequest request, ArtifactSink sink, Deadline deadline) throws CaptureException, InterruptedException {
        return engine().capture(request, sink, deadline);
    }

    @Override
    public synchronized void close() {
        if (engine != null) engine.close();
    }
}
