package io.pagelens.api.auth;

import io.pagelens.store.TenantScope;

import java.time.Instant;

/**
 * A stored API key. The secret itself is never stored; {@code prefix} (the first characters of the token)
 * lets people tell their keys apart in {@code pagelens keys list}.
 *
 * @param tenant the tenant whose data the key sees and writes into
 * @param admin  sees every tenant's data (and still writes into its own)
 */
public record ApiKey(String id, String name, String prefix, int ratePerMinute, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt, String tenant, boolean admin) {
    public ApiKey {
        tenant = tenant == null ? TenantScope.DEFAULT : tenant;
    }

    public ApiKey(String id, String name, String prefix, int ratePerMinute, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        this(id, name, prefix, ratePerMinute, createdAt, lastUsedAt, revokedAt, null, false);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** What this key may see: its tenant's rows, or every tenant's for an admin key. */
    public TenantScope scope() {
        return admin ? TenantScope.all(tenant) : TenantScope.of(tenant);
    }
}
