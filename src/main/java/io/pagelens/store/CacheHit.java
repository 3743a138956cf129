package io.pagelens.store;

import java.time.Duration;

/**
 * A stored capture fresh enough to answer a request with {@code maxAge}, without starting Chromium. Report it as
 * {@code cached: true} with its {@code age}.
 */
public record CacheHit(StoredCapture capture, Duration age) {
    public boolean cached() {
        return true;
    }
}
