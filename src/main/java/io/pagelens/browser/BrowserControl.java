package io.pagelens.browser;

import java.util.List;

/** What the memory governor may ask of the supervised browser. */
public interface BrowserControl {
    /** PIDs of the Chromium process tree now running; empty when the browser is closed. */
    List<Long> processIds();

    /** Captures in flight. */
    int inFlight();

    /** Tells Chromium memory is critical (Memory.simulatePressureNotification), so it frees caches. */
    void signalMemoryPressure();

    /**
     * Closes browser contexts that no capture uses any more (lingering after a capture whose dispose failed);
     * returns how many. The memory governor's first response to critical pressure.
     */
    int closeIdleContexts();

    /** Relaunches the browser once in-flight captures have ended; new captures wait for the new one. */
    void recycleWhenIdle();

    /** Aborts the most recently started capture with a memory-pressure error; false when none runs. */
    boolean abortYoungest(String reason);
}
