package io.pagelens.jobs;

import java.time.Instant;

/**
 * What a submitter asks for; the store adds id, state and times.
 *
 * @param secrets the input's secret part, already encrypted (the store keeps it only while the job is not ended); null for none
 * @param tenant  the tenant it belongs to; null: its parent's, else {@code default}
 */
public record NewJob(String kind, JobPriority priority, String payload, String secrets, int maxAttempts, Instant deadlineAt,
                     String owner, String parentId, String tenant) {
    public NewJob {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("kind is required");
        if (payload == null) throw new IllegalArgumentException("payload is required");
        if (maxAttempts < 1 || maxAttempts > 100) throw new IllegalArgumentException("maxAttempts must be between 1 and 100, was " + maxAttempts);
        if (priority == null) priority = JobPriority.NORMAL;
        if (tenant != null) io.pagelens.store.TenantScope.requireName("tenant", tenant);
    }

    public NewJob(String kind, JobPriority priority, String payload, String secrets, int maxAttempts, Instant deadlineAt,
                  String owner, String parentId) {
        this(kind, priority, payload, secrets, maxAttempts, deadlineAt, owner, parentId, null);
    }

    public NewJob withTenant(String t) {
        return new NewJob(kind, priority, payload, secrets, maxAttempts, deadlineAt, owner, parentId, t);
    }

    public static NewJob of(String kind, JobPriority priority, String payload, int maxAttempts) {
        return new NewJob(kind, priority, payload, null, maxAttempts, null, null, null);
    }

    public NewJob withDeadline(Instant d) {
        return new NewJob(kind, priority, payload, secrets, maxAttempts, d, owner, parentId, tenant);
    }

    public NewJob withOwner(String o) {
        return new NewJob(kind, priority, payload, secrets, maxAttempts, deadlineAt, o, parentId, tenant);
    }

    public NewJob withParent(String p) {
        return new NewJob(kind, priority, payload, secrets, maxAttempts, deadlineAt, owner, p, tenant);
    }
}
