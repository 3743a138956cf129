package io.pagelens.store;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.time.Duration;

/**
 * Retention and garbage-collection limits of the store. A project's own limits ({@link Retention}) win over the
 * defaults here.
 *
 * @param keepVersions        older versions kept per capture key besides the current one; <b>5</b>; 0 keeps only the current
 * @param defaultMaxAge       captures older than this are removed by retention; <b>null</b> = kept until replaced
 * @param blobGrace           an unreferenced blob is deleted only when unused for this long, so a capture in flight
 *                            (written its blobs, not yet saved) never loses one; <b>1 h</b>, far above the 5 min
 *                            capture timeout
 * @param maintenanceInterval how often {@link StorageMaintenance} runs retention and GC; <b>1 h</b>
 */
public record StorageSettings(int keepVersions, Duration defaultMaxAge, Duration blobGrace, Duration maintenanceInterval) {
    public static final int DEFAULT_KEEP_VERSIONS = 5;
    public static final Duration DEFAULT_BLOB_GRACE = Duration.ofHours(1);
    public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofHours(1);
    public static final StorageSettings DEFAULTS =
            new StorageSettings(DEFAULT_KEEP_VERSIONS, null, DEFAULT_BLOB_GRACE, DEFAULT_MAINTENANCE_INTERVAL);

    public StorageSettings {
        if (keepVersions < 0) throw new IllegalArgumentException("keepVersions must not be negative, was " + keepVersions);
        if (defaultMaxAge != null && (defaultMaxAge.isNegative() || defaultMaxAge.isZero())) {
            throw new IllegalArgumentException("defaultMaxAge must be positive, was " + defaultMaxAge);
        }
        if (blobGrace == null || blobGrace.isNegative()) throw new IllegalArgumentException("blobGrace must not be negative, was " + blobGrace);
        if (maintenanceInterval == null || maintenanceInterval.isNegative() || maintenanceInterval.isZero()) {
            throw new IllegalArgumentException("maintenanceInterval must be positive, was " + maintenanceInterval);
        }
    }

    /** PAGELENS_KEEP_VERSIONS, PAGELENS_RETENTION_MAX_AGE, PAGELENS_BLOB_GRACE, PAGELENS_GC_INTERVAL. */
    public static StorageSettings fromEnv(Env env) {
        Duration maxAge = env.duration("PAGELENS_RETENTION_MAX_AGE", null);
        if (maxAge != null && (maxAge.isZero() || maxAge.isNegative())) {
            throw new ConfigException("PAGELENS_RETENTION_MAX_AGE", maxAge.toString(), "must be positive (unset it to keep captures)");
        }
        Duration interval = env.duration("PAGELENS_GC_INTERVAL", DEFAULT_MAINTENANCE_INTERVAL);
        if (interval.isZero() || interval.isNegative()) throw new ConfigException("PAGELENS_GC_INTERVAL", interval.toString(), "must be positive");
        return new StorageSettings(
                env.integer("PAGELENS_KEEP_VERSIONS", DEFAULT_KEEP_VERSIONS, 0, 10_000),
                maxAge,
                env.duration("PAGELENS_BLOB_GRACE", DEFAULT_BLOB_GRACE),
                interval);
    }
}
