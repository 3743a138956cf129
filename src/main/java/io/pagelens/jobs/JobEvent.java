package io.pagelens.jobs;

import java.time.Instant;

/**
 * Something that happened to a job: queued, running, progress, retrying, succeeded, failed, cancelled.
 * {@code detail} is a progress step or an error message.
 */
public record JobEvent(String jobId, String type, JobState state, int attempt, String detail, Instant at) {
}
