package io.pagelens.store;

import java.time.Instant;

/**
 * A project: a named set of pages whose captures are kept together, with its own retention.
 *
 * @param tenant  the tenant it belongs to (its name is unique there); {@value TenantScope#DEFAULT} when null
 * @param siteUrl where the project's site starts (the dashboard's crawl form starts there); null when not set
 */
public record ProjectInfo(String id, String name, Retention retention, Instant createdAt, String tenant, String siteUrl) {
    public ProjectInfo {
        if (tenant == null) tenant = TenantScope.DEFAULT;
    }

    public ProjectInfo(String id, String name, Retention retention, Instant createdAt) {
        this(id, name, retention, createdAt, null, null);
    }
}
