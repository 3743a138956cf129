package io.pagelens.capture;

/** A capture that failed for a reason the caller can act on; the message is safe to show a user. */
public final class CaptureException extends Exception {
    private final CaptureError error;

    public CaptureException(CaptureError error, String message) {
        super(message);
        this.error = error;
    }

    public CaptureException(CaptureError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public CaptureError error() {
        return error;
    }
}
