package io.pagelens.api;

/**
 * An error the client can act on: an HTTP status, a stable machine-readable {@code code}, a message safe to
 * show, and the request {@code field} at fault (null when none). Thrown anywhere below a handler and
 * turned into a response in one place ({@link ErrorMapper}).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Extra response headers, e.g. Retry-After. */
    public java.util.Map<String, String> headers() {
        return headers;
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", what + " '" + id + "' does not exist");
    }

    public static ApiException invalid(String field, String message) {
        return of(io.pagelens.capture.CaptureError.INVALID_REQUEST, message, field);
    }

    /** A capture error with its one status and code ({@link io.pagelens.capture.CaptureError}). */
    public static ApiException of(io.pagelens.capture.CaptureError error, String message, String field) {
        return new ApiException(error.httpStatus(), error.code(), message, field);
    }
}
