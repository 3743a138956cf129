package io.pagelens.capture;

import java.time.Duration;
import java.time.Instant;

/** The hard end of one capture: every wait and command gets at most what is left. */
record Deadline(long endNanos, Duration total) {
    static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos(), d);
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean expired() {
        return System.nanoTime() >= endNanos;
    }

    Instant instant() {
        return Instant.now().plus(remaining());
    }

    /** The smaller of what is left and {@code cap}, at least 1 ms. */
    Duration cap(Duration cap) {
        Duration r = remaining();
        Duration d = r.compareTo(cap) < 0 ? r : cap;
        return d.isZero() ? Duration.ofMillis(1) : d;
    }
}
