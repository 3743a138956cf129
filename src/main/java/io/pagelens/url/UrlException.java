package io.pagelens.url;

/**
 * A string that is not an acceptable http(s) URL. The message names the part and what is wrong with it
 * ({@code "host: 'exa mple.com' contains a forbidden character ' '"}); it never repeats credentials.
 */
public final class UrlException extends IllegalArgumentException {
    private final UrlPart part;
    private final String problem;

    public UrlException(UrlPart part, String problem) {
        super(part.label() + ": " + problem);
        this.part = part;
        this.problem = problem;
    }

    public UrlPart part() {
        return part;
    }

    /** The message without the part's name in front. */
    public String problem() {
        return problem;
    }

    /** No stack trace: crawls reject many links (mailto:, javascript:), and the trace says nothing about input. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
