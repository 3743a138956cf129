package io.pagelens.jobs;

import java.time.Duration;

/** The instance's queue is at its limit; the client should come back after {@link #retryAfter()}. */
public final class QueueFullException extends RuntimeException {
    private final Duration retryAfter;

    public QueueFullException(int limit, Duration retryAfter) {
        super("the capture queue is full (" + limit + " jobs waiting); retry after " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
