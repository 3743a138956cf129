package io.pagelens.limits;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perMinute}. Thread-safe; the clock
 * is injected so tests need not sleep.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private final Clock clock;
    private double tokens;
    private long last;

    public TokenBucket(int perMinute, int capacity, Clock clock) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        this.capacity = capacity;
        this.perMilli = perMinute / 60_000.0;
        this.clock = clock;
        this.tokens = capacity;
        this.last = clock.millis();
    }

    /** Takes one token; returns zero when granted, else how long until one is available. */
    public synchronized Duration take() {
        long now = clock.millis();
        tokens = Math.min(capacity, tokens + (now - last) * perMilli);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli));
    }
}
