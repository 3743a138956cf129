package io.pagelens.store;

import java.time.Instant;

/**
 * A project: a named set of pages whose captures are kept together, with its own retention.
 *
 * @param tenant the tenant it belongs to (its name is unique there); {@value TenantScope#DEFAULT} when null
 */
public record ProjectInfo(String id, String name, Retention retention, Instant createdAt, String tenant) {
    public ProjectInfo {
        if (tenant == null) tenant = TenantScope.DEFAULT;
    }

    public ProjectInfo(String id, String name, Retention retention, Instant createdAt) {
        this(id, name, retention, createdAt, null);
    }
}
