package io.pagelens.redis;

import io.pagelens.jobs.ListeningEventBus;
import io.pagelens.jobs.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Job events over Redis pub/sub (when {@code REDIS_URL} is set): publishing through the pool, listening on one
 * connection held by a virtual thread, re-subscribed with backoff when Redis goes away. While Redis is lost, events
 * are not carried (counted as {@code pagelens.redis.degraded{use=events}}) and listeners fall back on reading the store.
 */
public final class RedisEventBus extends ListeningEventBus {
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final Redis redis;
    private final String channel;
    private volatile JedisPubSub subscription;

    public RedisEventBus(Redis redis, String prefix) {
        super("redis-event-listener");
        this.redis = redis;
        this.channel = prefix + "job-events";
    }

    @Override
    public void send(JobEvent e) {
        if (closed()) return;
        String payload = encode(e);
        redis.orLocal("events", j -> j.publish(channel, payload), () -> 0L);
    }

    @Override
    protected void listenOnce(Consumer<String> payloads) {
        try (Jedis j = redis.dedicated()) {
            JedisPubSub sub = new JedisPubSub() {
                @Override
                public void onMessage(String ch, String message) {
                    payloads.accept(message);
                }

                @Override
                public void onSubscribe(String ch, int count) {
                    log.atInfo().addKeyValue("channel", ch).log("listening for job events");
                }
            };
            subscription = sub;
            if (closed()) return;
            connected();
            j.subscribe(sub, channel); // blocks until unsubscribed or the connection breaks
        } finally {
            subscription = null;
        }
    }

    @Override
    protected void lost(Exception e, Duration retry) {
        log.atWarn().addKeyValue("error", String.valueOf(e.getMessage())).addKeyValue("retryMs", retry.toMillis())
                .log("job event subscription lost; listeners read the store meanwhile");
    }

    @Override
    public String describe() {
        return "redis-pubsub";
    }

    @Override
    protected void stopListening() {
        JedisPubSub s = subscription;
        if (s != null) {
            try {
                s.unsubscribe();
            } catch (RuntimeException ignored) {
                // not subscribed (yet or any more): the loop sees closed
            }
        }
    }
}
