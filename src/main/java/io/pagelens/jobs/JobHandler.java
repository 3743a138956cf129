package io.pagelens.jobs;

/** Runs jobs of one kind. Must react to interruption (cancel, shutdown) by stopping soon. */
public interface JobHandler {
    /** The kind this handler runs, as stored in {@code jobs.kind}. */
    String kind();

    /** Does the work and returns the result as JSON (or null). */
    String run(Job job, JobContext ctx) throws JobFailure, InterruptedException;
}
