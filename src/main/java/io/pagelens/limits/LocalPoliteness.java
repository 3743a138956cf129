package io.pagelens.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Host slots in this process (SQLite deployments, and the fallback while Redis is lost). */
public final class LocalPoliteness implements Politeness {
    private final Clock clock;
    private final ConcurrentMap<String, Long> next = new ConcurrentHashMap<>();

    public LocalPoliteness(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration reserve(String host, Duration gap) {
        long now = clock.millis();
        long[] slot = new long[1];
        next.compute(host, (h, prev) -> {
            slot[0] = prev == null ? now : Math.max(now, prev);
            return slot[0] + gap.toMillis();
        });
        if (next.size() > 50_000) next.entrySet().removeIf(e -> e.getValue() < now); // hosts whose slots passed
        return Duration.ofMillis(slot[0] - now);
    }
}
