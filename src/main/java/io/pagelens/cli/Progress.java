package io.pagelens.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr, redrawn in place; drawn only when stderr is a terminal (a log file or a pipe
 * gets the summary line alone). {@link #OFF} draws nothing.
 */
final class Progress {
    static final Progress OFF = new Progress(0, null);
    private static final int WIDTH = 30;

    private final int total;
    private final PrintStream err;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private Progress(int total, PrintStream err) {
        this.total = total;
        this.err = err;
    }

    /** A bar over {@code total} items on {@code err}, or {@link #OFF} when {@code draw} is false. */
    static Progress of(int total, PrintStream err, boolean draw) {
        Progress p = draw ? new Progress(total, err) : OFF;
        p.draw();
        return p;
    }

    void done(boolean ok) {
        if (err == null) return;
        if (!ok) failed.incrementAndGet();
        done.incrementAndGet();
        draw();
    }

    private synchronized void draw() {
        if (err == null) return;
        int d = done.get();
        int filled = total == 0 ? WIDTH : d * WIDTH / total;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + d + "/" + total
                + (failed.get() > 0 ? " (" + failed.get() + " failed)" : ""));
        err.flush();
    }

    void finish() {
        if (err != null) err.println();
    }
}
