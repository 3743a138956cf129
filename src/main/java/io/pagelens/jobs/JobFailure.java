package io.pagelens.jobs;

/**
 * A job that did not succeed, with a stable code for clients. Retryable failures go back to the queue with
 * backoff while attempts remain; the others fail the job at once. The HTTP status of a code is not decided here:
 * capture codes are {@code CaptureError} codes and map to their status there, in one place.
 */
public final class JobFailure extends Exception {
    private final String code;
    private final boolean retryable;

    public JobFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public JobFailure(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
