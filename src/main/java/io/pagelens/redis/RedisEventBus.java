package io.pagelens.redis;

import io.pagelens.jobs.EventBus;
import io.pagelens.jobs.JobEvent;
import io.pagelens.jobs.JobEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Job events over Redis pub/sub (when {@code REDIS_URL} is set): publishing through the pool, listening on one
 * connection held by a virtual thread, re-subscribed with backoff when Redis goes away. While Redis is lost, events
 * are not carried (counted as {@code pagelens.redis.degraded{use=events}}) and listeners fall back on reading the store.
 */
public final class RedisEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Redis redis;
    private final String channel;
    private final String origin = UUID.randomUUID().toString().substring(0, 12);
    private volatile boolean closed;
    private volatile JedisPubSub subscription;
    private Thread listener;

    public RedisEventBus(Redis redis, String prefix) {
        this.redis = redis;
        this.channel = prefix + "job-events";
    }

    @Override
    public void send(JobEvent e) {
        if (closed) return;
        String payload = JobEventCodec.encode(origin, e);
        redis.orLocal("events", j -> j.publish(channel, payload), () -> 0L);
    }

    @Override
    public synchronized void start(Consumer<JobEvent> sink) {
        if (listener != null) throw new IllegalStateException("already started");
        listener = Thread.ofVirtual().name("redis-event-listener").start(() -> listen(sink));
    }

    private void listen(Consumer<JobEvent> sink) {
        Duration backoff = Duration.ofMillis(200);
        while (!closed) {
            try (Jedis j = redis.dedicated()) {
                JedisPubSub sub = new JedisPubSub() {
                    @Override
                    public void onMessage(String ch, String message) {
                        JobEventCodec.decode(message).filter(m -> !m.origin().equals(origin)).ifPresent(m -> {
                            try {
                                sink.accept(m.event());
                            } catch (RuntimeException ex) {
                                log.atWarn().addKeyValue("job", m.event().jobId()).addKeyValue("error", ex.getMessage()).log("job event listener failed");
                            }
                        });
                    }

                    @Override
                    public void onSubscribe(String ch, int count) {
                        log.atInfo().addKeyValue("channel", ch).log("listening for job events");
                    }
                };
                subscription = sub;
                if (closed) return;
                backoff = Duration.ofMillis(200);
                j.subscribe(sub, channel); // blocks until unsubscribed or the connection breaks
            } catch (RuntimeException e) {
                if (closed) return;
                log.atWarn().addKeyValue("error", String.valueOf(e.getMessage())).addKeyValue("retryMs", backoff.toMillis())
                        .log("job event subscription lost; listeners read the store meanwhile");
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                subscription = null;
            }
        }
    }

    @Override
    public boolean crossProcess() {
        return true;
    }

    @Override
    public String describe() {
        return "redis-pubsub";
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub s = subscription;
        if (s != null) {
            try {
                s.unsubscribe();
            } catch (RuntimeException ignored) {
                // not subscribed (yet or any more): the loop sees closed
            }
        }
        Thread t = listener;
        if (t != null) {
            t.interrupt(); // ends a backoff sleep between reconnects at once
            try {
                t.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
