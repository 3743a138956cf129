package io.pagelens.capture;

/** Why a capture failed. Each maps to one HTTP status in the API and one exit message in the CLI. */
public enum CaptureError {
    INVALID_REQUEST(400),
    DNS_FAILURE(502),
    CONNECTION_FAILED(502),
    HTTP_ERROR(502),
    NOT_HTML(415),
    SELECTOR_NOT_FOUND(422),
    TIMEOUT(504),
    RENDERER_CRASHED(502),
    BROWSER_UNAVAILABLE(503),
    MEMORY_PRESSURE(503),
    CANCELLED(499),
    BLOCKED(403),
    INTERNAL(500);

    private final int httpStatus;

    CaptureError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether trying again (after a browser relaunch) can help. */
    public boolean retryable() {
        return this == RENDERER_CRASHED || this == BROWSER_UNAVAILABLE;
    }
}
