package io.pagelens.capture;

/**
 * A request that cannot be captured as given; {@link #field()} names the option to fix. Its {@link #error()} is
 * {@link CaptureError#INVALID_REQUEST}, or {@link CaptureError#BLOCKED} for a URL the egress rules refuse outright.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private final String field;
    private final CaptureError error;

    public InvalidRequestException(String field, String problem) {
        this(field, problem, CaptureError.INVALID_REQUEST);
    }

    public InvalidRequestException(String field, String problem, CaptureError error) {
        super(field + ": " + problem);
        this.field = field;
        this.error = error;
    }

    public String field() {
        return field;
    }

    public CaptureError error() {
        return error;
    }
}
