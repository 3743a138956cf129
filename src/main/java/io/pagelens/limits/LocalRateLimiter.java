package io.pagelens.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;

/** Buckets in this process only (SQLite deployments, and the fallback while Redis is lost), in a bounded cache. */
public final class LocalRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public LocalRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration take(String key, int perMinute, int burst) {
        // the rate is part of the bucket's identity, so a key whose rate changed starts a bucket of the new size
        return buckets.get(key + "@" + perMinute + "/" + burst, k -> new TokenBucket(perMinute, burst, clock)).take();
    }

    @Override
    public String describe() {
        return "local";
    }
}
