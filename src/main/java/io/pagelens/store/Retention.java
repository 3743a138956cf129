package io.pagelens.store;

import java.time.Duration;

/**
 * A project's own retention limits; a null field means "use the store default" ({@link StorageSettings}).
 *
 * @param keepVersions older versions kept per capture key besides the current one (0 = only the current)
 * @param maxAge       captures older than this are removed, the current one included
 */
public record Retention(Integer keepVersions, Duration maxAge) {
    /** Store defaults for both. */
    public static final Retention DEFAULTS = new Retention(null, null);

    public Retention {
        if (keepVersions != null && keepVersions < 0) throw new IllegalArgumentException("keepVersions must not be negative, was " + keepVersions);
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
}
