package io.pagelens.monitor;

import java.time.Instant;

/**
 * A stored monitor: its definition, where its schedule stands, and how its notifications went.
 *
 * @param nextDueAt      the schedule's next due time
 * @param nextFireAt     when the scheduler enqueues it: the due time plus this monitor's jitter
 * @param notifyFailures webhook deliveries that failed for good since the last one that arrived
 * @param notifyError    why the last failed delivery failed; null once one arrives again
 * @param tenant         the tenant it belongs to: its captures are stored there, and only that tenant's keys see it
 */
public record Monitor(String id, String owner, MonitorSpec spec, boolean enabled, long jitterMs, Instant nextDueAt,
                      Instant nextFireAt, ChangeStatus lastStatus, Instant lastRunAt, int notifyFailures, String notifyError,
                      Instant notifyAt, Instant createdAt, Instant updatedAt, String tenant) {
    public Monitor {
        if (tenant == null) tenant = io.pagelens.store.TenantScope.DEFAULT;
    }

    /** This monitor with another definition (a run's resolved view of it; nothing stored). */
    public Monitor withSpec(MonitorSpec s) {
        return new Monitor(id, owner, s, enabled, jitterMs, nextDueAt, nextFireAt, lastStatus, lastRunAt, notifyFailures, notifyError,
                notifyAt, createdAt, updatedAt, tenant);
    }
}
