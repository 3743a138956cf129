package io.pagelens.capture;

import java.util.Locale;

/**
 * Why a capture failed: the one place where each failure gets its stable {@link #code()} (API error bodies, job
 * rows, CLI reports) and its one HTTP status. A failed job's stored code maps back with {@link #fromCode}.
 */
public enum CaptureError {
    /** A value the request cannot have (the API has always called it {@code invalid_value}). */
    INVALID_REQUEST(422, "invalid_value"),
    DNS_FAILURE(502),
    CONNECTION_FAILED(502),
    HTTP_ERROR(502),
    NOT_HTML(415),
    SELECTOR_NOT_FOUND(422),
    /** The capture's own {@code timeout} passed. */
    TIMEOUT(504),
    /** The caller's deadline passed (queue time included), or too little of it was left to start. */
    DEADLINE_EXCEEDED(503),
    RENDERER_CRASHED(502),
    BROWSER_UNAVAILABLE(503),
    MEMORY_PRESSURE(503),
    CANCELLED(499),
    BLOCKED(403),
    /** The worker running the job stopped and no attempts were left. */
    LEASE_EXPIRED(503),
    /** The job's encrypted headers or cookies cannot be read with this process's {@code PAGELENS_SECRET_KEY}. */
    SECRETS_UNREADABLE(500),
    INTERNAL(500);

    private final int httpStatus;
    private final String code;

    CaptureError(int httpStatus) {
        this.httpStatus = httpStatus;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    CaptureError(int httpStatus, String code) {
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The stable machine-readable name, lower case: {@code dns_failure}, {@code invalid_value}, ... */
    public String code() {
        return code;
    }

    /** Whether trying again (after a browser relaunch) can help. */
    public boolean retryable() {
        return this == RENDERER_CRASHED || this == BROWSER_UNAVAILABLE;
    }

    /** The error a stored code stands for; {@link #INTERNAL} for codes that are not capture errors. */
    public static CaptureError fromCode(String code) {
        if (code != null) {
            for (CaptureError e : values()) {
                if (e.code.equals(code)) return e;
            }
        }
        return INTERNAL;
    }
}
