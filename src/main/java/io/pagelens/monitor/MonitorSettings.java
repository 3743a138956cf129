package io.pagelens.monitor;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.time.Duration;

/**
 * How monitors are scheduled and run, from {@code PAGELENS_MONITOR_*}.
 *
 * @param minInterval shortest interval (and shortest cron period) a monitor may have; default <b>60 s</b>
 * @param tick        how often the scheduler looks for due monitors; default <b>1 s</b>
 * @param maxJitter   upper bound of the fixed per-monitor delay after each due time that spreads monitors of one
 *                    schedule; it is also at most a tenth of the monitor's period; default <b>30 s</b>, 0 turns it off
 * @param maxPages    pages one run of a project monitor captures at most; default <b>50</b>
 */
public record MonitorSettings(Duration minInterval, Duration tick, Duration maxJitter, int maxPages) {
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(60);
    public static final MonitorSettings DEFAULTS = new MonitorSettings(DEFAULT_MIN_INTERVAL, Duration.ofSeconds(1), Duration.ofSeconds(30), 50);

    public MonitorSettings {
        if (minInterval.toMillis() < 100) throw new IllegalArgumentException("minInterval must be at least 100 ms");
        if (tick.toMillis() < 10) throw new IllegalArgumentException("tick must be at least 10 ms");
        if (maxJitter.isNegative()) throw new IllegalArgumentException("maxJitter must not be negative");
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be positive");
    }

    public static MonitorSettings fromEnv(Env env) {
        Duration min = env.duration("PAGELENS_MONITOR_MIN_INTERVAL", DEFAULT_MIN_INTERVAL);
        if (min.toMillis() < 100) throw new ConfigException("PAGELENS_MONITOR_MIN_INTERVAL", min.toString(), "must be at least 100ms");
        Duration tick = env.duration("PAGELENS_MONITOR_TICK", DEFAULTS.tick());
        if (tick.toMillis() < 10) throw new ConfigException("PAGELENS_MONITOR_TICK", tick.toString(), "must be at least 10ms");
        Duration jitter = env.duration("PAGELENS_MONITOR_MAX_JITTER", DEFAULTS.maxJitter());
        if (jitter.isNegative()) throw new ConfigException("PAGELENS_MONITOR_MAX_JITTER", jitter.toString(), "must not be negative");
        int pages = env.integer("PAGELENS_MONITOR_MAX_PAGES", DEFAULTS.maxPages(), 1, 10_000);
        return new MonitorSettings(min, tick, jitter, pages);
    }

    /**
     * The fixed delay of one monitor after each due time: spread over [0, min(maxJitter, period/10)) by the id's hash,
     * so monitors made together with one schedule do not all capture in the same second, and a monitor always keeps
     * the same offset.
     */
    public Duration jitterFor(String monitorId, Duration period) {
        long cap = Math.min(maxJitter.toMillis(), period.toMillis() / 10);
        if (cap <= 0) return Duration.ZERO;
        return Duration.ofMillis(Math.floorMod(mix(monitorId.hashCode()), cap));
    }

    private static long mix(int h) {
        long x = h * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
