package io.pagelens.jobs;

/** What a running handler may do besides its work: report progress, and enqueue follow-up jobs. */
public interface JobContext {
    /** A progress step, shown on the job's event stream (e.g. "capturing", "storing"). */
    void progress(String step);
}
