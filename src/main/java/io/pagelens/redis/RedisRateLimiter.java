package io.pagelens.redis;

import io.pagelens.limits.RateLimiter;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis, shared by every web node: one Lua script refills and takes atomically on Redis's own clock
 * ({@code TIME}), and the bucket expires once it would be full again. While Redis is lost, {@code fallback} (this
 * process's buckets) answers.
 */
public final class RedisRateLimiter implements RateLimiter {
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local cap = tonumber(ARGV[1])
            local perMs = tonumber(ARGV[2])
            local v = redis.call('HMGET', KEYS[1], 'tokens', 'last')
            local tokens = tonumber(v[1]) or cap
            local last = tonumber(v[2]) or now
            tokens = math.min(cap, tokens + math.max(0, now - last) * perMs)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / perMs) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(cap / perMs) + 1000)
            return wait
            """;
    private final Redis redis;
    private final RateLimiter fallback;
    private final String prefix;

    /** @param prefix namespaces the keys (one Redis may serve several deployments, or tests) */
    public RedisRateLimiter(Redis redis, RateLimiter fallback, String prefix) {
        this.redis = redis;
        this.fallback = fallback;
        this.prefix = prefix;
    }

    @Override
    public Duration take(String key, int perMinute, int burst) {
        String k = prefix + "rl:" + key + ":" + perMinute + "/" + burst;
        return redis.orLocal("ratelimit", j -> {
            Object wait = j.eval(SCRIPT, List.of(k), List.of(Integer.toString(burst), Double.toString(perMinute / 60_000.0)));
            return Duration.ofMillis(((Number) wait).longValue());
        }, () -> fallback.take(key, perMinute, burst));
    }

    @Override
    public String describe() {
        return "redis";
    }
}
