package io.pagelens.limits;

import java.time.Duration;

/**
 * Token buckets by key: {@code burst} requests at once, refilled at {@code perMinute}. Where the buckets live decides
 * what they limit: {@link LocalRateLimiter} one process, {@link PgRateLimiter} every process on one PostgreSQL
 * database, {@code redis.RedisRateLimiter} every process on one Redis. Thread-safe.
 */
public interface RateLimiter {
    /** Takes one token from {@code key}'s bucket: zero when granted, else how long until one is available. */
    Duration take(String key, int perMinute, int burst);

    /** For logs: where the buckets live. */
    String describe();
}
