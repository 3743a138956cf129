package io.pagelens.memory;

/**
 * Gives the heap back when the browser closes for idleness. Captures grow the committed heap (tile buffers,
 * base64 decoding); once the browser is gone and nothing runs, a full collection lets a serial-GC heap with
 * {@code -XX:MaxHeapFreeRatio} set shrink back, which is what keeps the idle footprint small (measured in
 * docs/memory.md). One attempt per idle period; {@link HeapTrimmer} decides whether it is worth it.
 */
public final class IdleTrim implements MemoryListener {
    private final HeapTrimmer trimmer;
    private boolean browserWasRunning;

    public IdleTrim(HeapTrimmer trimmer) {
        this.trimmer = trimmer;
    }

    @Override
    public void onMemory(MemorySample sample, PressureLevel level) {
        if (!sample.hasPss()) return; // the process count is only known with PSS
        boolean running = sample.chromiumProcesses() > 0 || sample.inFlight() > 0;
        if (browserWasRunning && !running) trimmer.maybeCollect();
        browserWasRunning = running;
    }
}
