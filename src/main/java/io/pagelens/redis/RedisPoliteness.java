package io.pagelens.redis;

import io.pagelens.limits.Politeness;

import java.time.Duration;
import java.util.List;

/** Host slots in Redis, shared by every worker: one script moves the host's next slot, on Redis's clock. */
public final class RedisPoliteness implements Politeness {
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local gap = tonumber(ARGV[1])
            local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or 0))
            redis.call('SET', KEYS[1], tostring(slot + gap), 'PX', gap + 60000)
            return slot - now
            """;
    private final Redis redis;
    private final Politeness fallback;
    private final String prefix;

    public RedisPoliteness(Redis redis, Politeness fallback, String prefix) {
        this.redis = redis;
        this.fallback = fallback;
        this.prefix = prefix;
    }

    @Override
    public Duration reserve(String host, Duration gap) {
        return redis.orLocal("politeness", j -> Duration.ofMillis(((Number) j.eval(SCRIPT, List.of(prefix + "host:" + host),
                List.of(Long.toString(gap.toMillis())))).longValue()), () -> fallback.reserve(host, gap));
    }
}
