package io.pagelens.redis;

import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.observe.MeterNames;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The process's Redis (Jedis pool, short timeouts) with local fallback: {@link #orLocal} runs a command, and when
 * Redis cannot answer it counts {@code pagelens.redis.degraded{use}}, logs one warning per outage, and answers with
 * the local alternative instead, so losing Redis never fails a request. After a failure Redis is left alone for
 * {@value #PAUSE_MS} ms (no timeout paid per request meanwhile), then tried again; the first success logs the recovery.
 */
public final class Redis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Redis.class);
    static final long PAUSE_MS = 3000;
    private static final int TIMEOUT_MS = 1000;

    private final RedisSettings settings;
    private final JedisPool pool;
    private final MeterRegistry metrics;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;

    public Redis(RedisSettings settings, MeterRegistry metrics) {
        this.settings = settings;
        this.metrics = metrics;
        GenericObjectPoolConfig<Jedis> cfg = new GenericObjectPoolConfig<>();
        cfg.setMaxTotal(9); // 8 for commands, 1 held by the event subscription
        cfg.setMaxIdle(4);
        cfg.setMinIdle(0);
        cfg.setMaxWait(Duration.ofMillis(TIMEOUT_MS));
        cfg.setJmxEnabled(false);
        if (settings.tls() && !settings.verifyTls()) {
            // Heroku Redis presents a self-signed certificate: TLS still encrypts, the peer is not authenticated
            this.pool = new JedisPool(cfg, settings.uri(), TIMEOUT_MS, trustAll().getSocketFactory(), new SSLParameters(), (h, s) -> true);
        } else {
            this.pool = new JedisPool(cfg, settings.uri(), TIMEOUT_MS);
        }
        log.atInfo().addKeyValue("redis", settings.describe()).addKeyValue("tlsVerify", settings.verifyTls()).log("redis configured");
    }

    public RedisSettings settings() {
        return settings;
    }

    /** {@code remote} on a pooled connection, or {@code local} (counted under {@code use}) while Redis is unreachable. */
    public <T> T orLocal(String use, Function<Jedis, T> remote, Supplier<T> local) {
        if (down.get() && System.currentTimeMillis() < retryAt) return degraded(use, local);
        try (Jedis j = pool.getResource()) {
            T result = remote.apply(j);
            if (down.compareAndSet(true, false)) log.atInfo().addKeyValue("redis", settings.describe()).log("redis reachable again");
            return result;
        } catch (RuntimeException e) { // JedisException and the pool's NoSuchElementException alike
            retryAt = System.currentTimeMillis() + PAUSE_MS;
            if (down.compareAndSet(false, true)) {
                log.atWarn().addKeyValue("redis", settings.describe()).addKeyValue("error", String.valueOf(e.getMessage()))
                        .log("redis unreachable: rate limits and politeness fall back to this process until it answers again");
            }
            return degraded(use, local);
        }
    }

    private <T> T degraded(String use, Supplier<T> local) {
        metrics.counter(MeterNames.REDIS_DEGRADED, "use", use).increment();
        return local.get();
    }

    /** A connection held by the caller (a subscription); closing it gives it back. Throws when Redis is unreachable. */
    public Jedis dedicated() {
        return pool.getResource();
    }

    /** Whether the last command failed (and Redis is being left alone for a moment). */
    public boolean degraded() {
        return down.get();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
