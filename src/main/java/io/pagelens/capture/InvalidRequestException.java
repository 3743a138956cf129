package io.pagelens.capture;

/** A request that cannot be captured as given; {@link #field()} names the option to fix. */
public final class InvalidRequestException extends IllegalArgumentException {
    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
