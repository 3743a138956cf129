package io.pagelens.cdp;

/**
 * A CDP command that did not succeed. {@link #kind()} tells a protocol error (Chromium answered with an
 * error) from a timeout (no answer in time: a hang) and a closed connection (the browser is gone).
 */
public final class CdpException extends Exception {
    public enum Kind {
        /** Chromium answered with an error object. */
        PROTOCOL_ERROR,
        /** No answer within the command's timeout: the browser or renderer may hang. */
        TIMEOUT,
        /** The pipe closed: the browser is gone. */
        CLOSED,
        /** The page's renderer crashed or its target went away while the command waited. */
        TARGET_CRASHED,
        /** Writing a streamed result to the caller's OutputStream failed. */
        IO
    }

    private final Kind kind;

    public CdpException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CdpException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the browser itself is unusable (gone or hung), not just this command. */
    public boolean browserBroken() {
        return kind == Kind.CLOSED || kind == Kind.TIMEOUT;
    }
}
