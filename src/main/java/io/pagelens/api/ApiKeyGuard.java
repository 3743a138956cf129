package io.pagelens.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pagelens.api.auth.ApiKey;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.limits.LocalRateLimiter;
import io.pagelens.limits.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} against the key store, then the key's token bucket. Key lookups
 * are cached for a few seconds (revocation takes effect within that time) and buckets are kept per key in
 * a bounded cache, as every cache in pagelens is.
 */
public final class ApiKeyGuard implements RequestGuard {
    /** How long a looked-up key is trusted before the store is asked again. */
    static final Duration LOOKUP_TTL = Duration.ofSeconds(5);
    /** Burst: requests a key may make at once before the per-minute rate applies. */
    static final int BURST_SECONDS = 10;

    private final ApiKeyStore store;
    private final Cache<String, Optional<ApiKey>> lookups = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(LOOKUP_TTL).build();
    private final RateLimiter limiter;

    /** Buckets in this process. */
    public ApiKeyGuard(ApiKeyStore store, Clock clock) {
        this(store, clock, new LocalRateLimiter(clock));
    }

    /** Buckets in {@code limiter}: shared by every web node when it is PostgreSQL's or Redis's. */
    public ApiKeyGuard(ApiKeyStore store, Clock clock, RateLimiter limiter) {
        this.store = store;
        this.limiter = limiter;
    }

    @Override
    public ApiKey authorize(Ctx ctx) {
        String header = ctx.header("Authorization").orElseThrow(() ->
                new ApiException(401, "unauthorized", "missing Authorization header; send 'Authorization: Bearer <API key>'"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiException(401, "unauthorized", "Authorization must be 'Bearer <API key>'");
        }
        String token = header.substring(7).trim();
        // a lookup that misses the cache also records the use, so last_used_at is at most LOOKUP_TTL stale
        ApiKey key = lookups.get(ApiKeyStore.hash(token), h -> store.findByToken(token).map(k -> {
                    if (!k.revoked()) store.touch(k.id());
                    return k;
                }))
                .orElseThrow(() -> new ApiException(401, "unauthorized", "unknown API key"));
        if (key.revoked()) throw new ApiException(401, "unauthorized", "this API key was revoked");
        Duration wait = limiter.take("key:" + key.id(), key.ratePerMinute(), Math.max(1, key.ratePerMinute() * BURST_SECONDS / 60));
        if (!wait.isZero()) {
            long s = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiException(429, "rate_limited", "rate limit of " + key.ratePerMinute() + " requests per minute exceeded for this key; retry after " + s + " s")
                    .header("Retry-After", Long.toString(s));
        }
        return key;
    }
}
