package io.pagelens.jobs;

import java.time.Duration;

/** Exponential backoff: {@code base * 2^(attempt-1)}, capped at {@code max}. */
public record Backoff(Duration base, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    public Backoff {
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("backoff base must be positive");
        if (max.compareTo(base) < 0) throw new IllegalArgumentException("backoff max must be at least the base");
    }

    /** The wait after the {@code attempt}-th failed start (1-based). */
    public Duration after(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long ms = base.toMillis() << shift;
        return ms <= 0 || ms > max.toMillis() ? max : Duration.ofMillis(ms);
    }
}
