package io.pagelens.limits;

import java.time.Duration;

/**
 * Per-host politeness shared by the workers of a deployment: each fetch of a host reserves the host's next slot, at
 * least {@code gap} after the previous one, wherever that one ran. For the crawler to adopt: {@code reserve}, sleep
 * what it returns, fetch. {@link LocalPoliteness} (one process), {@link PgPoliteness} ({@code host_slots} table),
 * {@code redis.RedisPoliteness}.
 */
public interface Politeness {
    /** Reserves the next slot for {@code host}: how long to wait before fetching (zero: now). */
    Duration reserve(String host, Duration gap);
}
