package io.pagelens.jobs;

/**
 * A job that did not succeed, with a stable code for clients. Retryable failures go back to the queue with
 * backoff while attempts remain; the others fail the job at once.
 */
public final class JobFailure extends Exception {
    private final String code;
    private final boolean retryable;
    private final int httpStatus;

    public JobFailure(String code, String message, boolean retryable, int httpStatus) {
        super(message);
        this.code = code;
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    public JobFailure(String code, String message, boolean retryable, int httpStatus, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The status a synchronous API caller gets for this failure. */
    public int httpStatus() {
        return httpStatus;
    }
}
