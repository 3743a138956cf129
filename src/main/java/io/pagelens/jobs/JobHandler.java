package io.pagelens.jobs;

/** Runs jobs of one kind. Must react to interruption (cancel, shutdown) by stopping soon. */
public interface JobHandler {
    /** The kind this handler runs, as stored in {@code jobs.kind}. */
    String kind();

    /** Does the work and returns the result as JSON (or null). */
    String run(Job job, JobContext ctx) throws JobFailure, InterruptedException;

    /**
     * A job to enqueue once {@code finished} (as stored, in a final state) has ended, such as its webhook
     * delivery; empty for none.
     */
    default java.util.Optional<NewJob> followUp(Job finished) {
        return java.util.Optional.empty();
    }
}
