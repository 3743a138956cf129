package io.pagelens.memory;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.time.Duration;

/**
 * Every memory setting, read once from the environment and validated (errors name the variable).
 *
 * @param budget         the whole process tree's budget ({@link MemoryBudget#resolve})
 * @param marginPct      share of the budget kept free of admissions: the admission ceiling is budget * (100 - margin) %
 * @param warnPct        usage at which pressure is {@link PressureLevel#WARN}, % of budget
 * @param highPct        ... {@link PressureLevel#HIGH}
 * @param criticalPct    ... {@link PressureLevel#CRITICAL}
 * @param maxConcurrency captures in flight at most
 * @param maxHeavy       full-page and PDF captures in flight at most: one per core. Measured on 2 cores, full-page
 *                       corpus in 512 MB: 4 at once peaked 365-423 MB at 66-68/min, 2 at once 295-322 MB at 65/min
 * @param samplePeriod   sampling period while captures run or pressure is up (slower when idle)
 * @param pssPeriod      how often the dearer process-tree PSS is read
 * @param cacheBytes     global cap of every Caffeine cache's weight
 */
public record MemorySettings(MemoryBudget budget, int marginPct, int warnPct, int highPct, int criticalPct,
                             int maxConcurrency, int maxHeavy, Duration samplePeriod, Duration pssPeriod, long cacheBytes) {
    public static final int DEFAULT_MARGIN_PCT = 30;
    public static final int DEFAULT_WARN_PCT = 80;
    public static final int DEFAULT_HIGH_PCT = 88;
    public static final int DEFAULT_CRITICAL_PCT = 94;
    public static final Duration DEFAULT_SAMPLE_PERIOD = Duration.ofMillis(100);
    public static final Duration DEFAULT_PSS_PERIOD = Duration.ofSeconds(2);
    public static final int DEFAULT_CACHE_MB = 32;

    public MemorySettings {
        if (!(warnPct < highPct && highPct < criticalPct && criticalPct <= 100)) {
            throw new ConfigException("PAGELENS_MEMORY_WARN_PCT",
                    "thresholds must rise: warn " + warnPct + " < high " + highPct + " < critical " + criticalPct + " <= 100");
        }
        if (100 - marginPct > criticalPct) {
            throw new ConfigException("PAGELENS_MEMORY_MARGIN_PCT", String.valueOf(marginPct),
                    "leaves an admission ceiling above the critical threshold (" + criticalPct + "%)");
        }
    }

    public static MemorySettings fromEnv(Env env, CgroupMemory cgroup) {
        MemoryBudget budget = MemoryBudget.resolve(env, cgroup, MemoryBudget.physicalBytes());
        int cores = Runtime.getRuntime().availableProcessors();
        return new MemorySettings(budget,
                env.integer("PAGELENS_MEMORY_MARGIN_PCT", DEFAULT_MARGIN_PCT, 5, 60),
                env.integer("PAGELENS_MEMORY_WARN_PCT", DEFAULT_WARN_PCT, 30, 98),
                env.integer("PAGELENS_MEMORY_HIGH_PCT", DEFAULT_HIGH_PCT, 31, 99),
                env.integer("PAGELENS_MEMORY_CRITICAL_PCT", DEFAULT_CRITICAL_PCT, 32, 100),
                env.integer("PAGELENS_MAX_CONCURRENCY", Math.max(1, 2 * cores), 1, 64),
                env.integer("PAGELENS_MAX_FULL_PAGE_CONCURRENCY", Math.max(1, cores), 1, 64),
                positive(env, "PAGELENS_MEMORY_SAMPLE_PERIOD", DEFAULT_SAMPLE_PERIOD),
                positive(env, "PAGELENS_MEMORY_PSS_PERIOD", DEFAULT_PSS_PERIOD),
                env.integer("PAGELENS_CACHE_MB", DEFAULT_CACHE_MB, 0, 4096) * MemoryBudget.MB);
    }

    private static Duration positive(Env env, String key, Duration dflt) {
        Duration d = env.duration(key, dflt);
        if (d.toMillis() < 10) throw new ConfigException(key, d.toMillis() + "ms", "must be at least 10ms");
        return d;
    }

    public long ceilingBytes() {
        return budget.bytes() * (100 - marginPct) / 100;
    }

    public PressureThresholds thresholds() {
        return PressureThresholds.percentOf(budget.bytes(), warnPct, highPct, criticalPct);
    }
}
