package io.pagelens.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The hard end of a piece of work: every wait and command gets at most what is left. One deadline is made at the
 * edge (an API request's budget, a crawl's page budget) and travels through admission, the browser queue,
 * navigation and the save; {@link #none()} is the caller that will wait as long as it takes.
 * <p>Measured on {@link System#nanoTime()}, so a wall-clock jump does not move it. {@link #error()} says how running
 * out is reported: {@link CaptureError#DEADLINE_EXCEEDED} for a caller's deadline, {@link CaptureError#TIMEOUT} for a
 * capture's own {@code timeout} (made inside the engine).
 * <pre>{@code
 * Deadline d = Deadline.at(order.deadline(), clock);            // an API request's budget, as an Instant
 * capturer.capture(request, sink, d.minus(SAVE_RESERVE));      // leave time to save what was captured
 * }</pre>
 */
public final class Deadline {
    /** What {@link #none()} reports as remaining: far enough to never bind, near enough for {@link java.util.Date}. */
    static final Duration UNBOUNDED = Duration.ofDays(3650);
    private static final Deadline NONE = new Deadline(0, false, "no deadline", CaptureError.DEADLINE_EXCEEDED);

    private final long endNanos;
    private final boolean set;
    private final String what;
    private final CaptureError error;

    private Deadline(long endNanos, boolean set, String what, CaptureError error) {
        this.endNanos = endNanos;
        this.set = set;
        this.what = what;
        this.error = error;
    }

    /** No deadline: the work may take as long as its own limits allow. */
    public static Deadline none() {
        return NONE;
    }

    /** A caller's deadline {@code d} from now; a zero or negative {@code d} is already expired. */
    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos(), true, "request deadline", CaptureError.DEADLINE_EXCEEDED);
    }

    /** A caller's deadline at wall-clock time {@code when} (as stored in a job), measured from {@code clock}'s now. */
    public static Deadline at(Instant when, Clock clock) {
        return when == null ? NONE : after(Duration.between(clock.instant(), when));
    }

    /** A capture's own timeout, which starts once the capture is admitted. */
    static Deadline timeout(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos(), true, "timeout of " + d.toMillis() + " ms", CaptureError.TIMEOUT);
    }

    public boolean isSet() {
        return set;
    }

    public Duration remaining() {
        if (!set) return UNBOUNDED;
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return set && System.nanoTime() - endNanos >= 0;
    }

    /** The wall-clock moment it ends, for APIs that take an {@link Instant}. */
    public Instant instant() {
        return Instant.now().plus(remaining());
    }

    /** This deadline moved {@code reserve} earlier (time kept back for work after it, such as saving). */
    public Deadline minus(Duration reserve) {
        return set ? new Deadline(endNanos - reserve.toNanos(), true, what, error) : this;
    }

    /** Whichever of the two ends first. */
    public Deadline earlier(Deadline other) {
        if (!other.set) return this;
        if (!set) return other;
        return other.endNanos - endNanos < 0 ? other : this;
    }

    /** What this deadline is, for messages: "request deadline", "timeout of 30000 ms". */
    public String describe() {
        return what;
    }

    /** The error a capture fails with when this deadline passes. */
    public CaptureError error() {
        return error;
    }

    /** The smaller of what is left and {@code cap}, at least 1 ms. */
    Duration cap(Duration cap) {
        Duration r = remaining();
        Duration d = r.compareTo(cap) < 0 ? r : cap;
        return d.isZero() ? Duration.ofMillis(1) : d;
    }

    @Override
    public String toString() {
        return set ? what + " in " + remaining().toMillis() + " ms" : what;
    }
}
