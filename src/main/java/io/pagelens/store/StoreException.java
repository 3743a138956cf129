package io.pagelens.store;

/** A storage operation failed (database or blob store); the message says which operation and why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
