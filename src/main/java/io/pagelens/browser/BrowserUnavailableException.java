package io.pagelens.browser;

/** No browser could be provided (launch failed, supervisor closed, recycle took too long). */
public final class BrowserUnavailableException extends Exception {
    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
