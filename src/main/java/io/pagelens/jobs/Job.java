package io.pagelens.jobs;

import java.time.Instant;

/**
 * One row of the durable queue.
 *
 * @param payload     the kind's input as JSON, enough to run the job again after a restart
 * @param secrets     the input's secret part, encrypted by the submitter; null once the job ended (and when it has none)
 * @param result      the kind's output as JSON once succeeded
 * @param attempts    starts counted so far (the running one included)
 * @param runAt       not claimed before this (backoff after a failure)
 * @param leaseUntil  while running: the worker must renew before this or the job goes back to the queue
 * @param deadlineAt  past this the job is not worth starting (a waiting client gave up); null for none
 * @param owner       API key id that submitted it; null for internal jobs
 * @param parentId    the job this one follows up (a webhook delivery's capture job)
 * @param tenant      the tenant it belongs to (its submitter's, a follow-up's parent's); {@code default} when null
 */
public record Job(String id, String kind, JobState state, int priority, String payload, String secrets, String result,
                  String errorCode, String errorMessage, int attempts, int maxAttempts, Instant runAt,
                  Instant leaseUntil, String worker, boolean cancelRequested, Instant deadlineAt, String owner,
                  String parentId, Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt, String tenant) {
    public Job {
        if (tenant == null) tenant = io.pagelens.store.TenantScope.DEFAULT;
    }

    /** A job of the tenant {@code default}. */
    public Job(String id, String kind, JobState state, int priority, String payload, String secrets, String result,
               String errorCode, String errorMessage, int attempts, int maxAttempts, Instant runAt,
               Instant leaseUntil, String worker, boolean cancelRequested, Instant deadlineAt, String owner,
               String parentId, Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt) {
        this(id, kind, state, priority, payload, secrets, result, errorCode, errorMessage, attempts, maxAttempts, runAt, leaseUntil,
                worker, cancelRequested, deadlineAt, owner, parentId, createdAt, startedAt, finishedAt, updatedAt, null);
    }
}
