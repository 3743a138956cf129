package io.pagelens.api.auth;

import java.time.Instant;

/**
 * A stored API key. The secret itself is never stored; {@code prefix} (the first characters of the token)
 * lets people tell their keys apart in {@code pagelens keys list}.
 */
public record ApiKey(String id, String name, String prefix, int ratePerMinute, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
