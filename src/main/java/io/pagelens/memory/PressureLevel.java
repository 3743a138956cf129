package io.pagelens.memory;

/** Graded memory pressure; each grade adds responses to the one below (see {@link PressureResponder}). */
public enum PressureLevel {
    /** Below the warn threshold. */
    OK,
    /** Log and count; admission goes on. */
    WARN,
    /** Stop admitting, signal Chromium, drop caches; /health/ready turns false. */
    HIGH,
    /** Close idle contexts, recycle the browser, abort the youngest capture. */
    CRITICAL;

    public boolean atLeast(PressureLevel other) {
        return compareTo(other) >= 0;
    }
}
