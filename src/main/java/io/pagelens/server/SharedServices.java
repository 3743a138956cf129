package io.pagelens.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.jobs.EventBus;
import io.pagelens.jobs.PgNotifyBus;
import io.pagelens.limits.LocalPoliteness;
import io.pagelens.limits.LocalRateLimiter;
import io.pagelens.limits.PgPoliteness;
import io.pagelens.limits.PgRateLimiter;
import io.pagelens.limits.Politeness;
import io.pagelens.limits.RateLimiter;
import io.pagelens.redis.Redis;
import io.pagelens.redis.RedisEventBus;
import io.pagelens.redis.RedisPoliteness;
import io.pagelens.redis.RedisRateLimiter;
import io.pagelens.redis.RedisSettings;
import io.pagelens.store.Database;
import io.pagelens.store.Dialect;

import java.time.Clock;
import java.util.Optional;

/**
 * What the processes of one deployment share, chosen from what exists, no cluster layer of our own:
 * <ul>
 *   <li>job events: Redis pub/sub when {@code REDIS_URL} is set, else PostgreSQL LISTEN/NOTIFY (the queue is there
 *   already); SQLite without Redis: this process only;</li>
 *   <li>rate limits and politeness: Redis when {@code REDIS_URL} is set (falling back to this process while it is
 *   lost), else PostgreSQL tables, else (SQLite, one process) memory.</li>
 * </ul>
 */
public record SharedServices(EventBus bus, RateLimiter rates, Politeness politeness, Redis redis) implements AutoCloseable {
    /** Key prefix in Redis, so one Redis can serve more than one deployment or test. */
    public static final String REDIS_PREFIX = "pagelens:";

    public static SharedServices of(Database db, Optional<RedisSettings> redisSettings, MeterRegistry metrics, Clock clock) {
        return of(db, redisSettings, metrics, clock, REDIS_PREFIX);
    }

    public static SharedServices of(Database db, Optional<RedisSettings> redisSettings, MeterRegistry metrics, Clock clock, String prefix) {
        boolean pg = db.dialect() == Dialect.POSTGRES;
        RateLimiter local = new LocalRateLimiter(clock);
        Politeness localSlots = new LocalPoliteness(clock);
        if (redisSettings.isPresent()) {
            Redis redis = new Redis(redisSettings.get(), metrics);
            return new SharedServices(new RedisEventBus(redis, prefix), new RedisRateLimiter(redis, local, prefix), new RedisPoliteness(redis, localSlots, prefix), redis);
        }
        return pg ? new SharedServices(new PgNotifyBus(db, metrics), new PgRateLimiter(db), new PgPoliteness(db), null)
                : new SharedServices(EventBus.LOCAL, local, localSlots, null);
    }

    @Override
    public void close() {
        bus.close();
        if (redis != null) redis.close();
    }
}
