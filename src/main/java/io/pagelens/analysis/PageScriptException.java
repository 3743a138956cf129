package io.pagelens.analysis;

/** An in-page script of the analysis package threw, or returned something that is not what it promises. */
public final class PageScriptException extends Exception {
    public PageScriptException(String message) {
        super(message);
    }
}
