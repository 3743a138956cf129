package io.pagelens.analysis.suggest;

/** The language model could not give copy alternatives: unreachable, slow, refused, or an unreadable answer. */
public final class LlmException extends Exception {
    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
