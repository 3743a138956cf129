package io.pagelens.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Command;
import io.pagelens.cdp.EventType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a {@link PageStep} may do with the page of one capture. Every command is bounded by the capture's
 * deadline; event listeners end with the page.
 */
public interface PageContext {
    /** The capture being made. */
    CaptureRequest request();

    /** The end of this capture (its timeout or the caller's deadline, whichever comes first). */
    Deadline deadline();

    /** Sends a command to the page and waits for its answer. */
    <T> T send(Command<T> command) throws CdpException, InterruptedException;

    /**
     * Sends a command whose answer has a large base64 field (a screenshot's {@code data}), decoded as it streams into
     * {@code binary}.
     */
    <T> T send(Command<T> command, java.io.OutputStream binary) throws CdpException, InterruptedException;

    /** Sends without waiting, for event handlers (e.g. continuing a paused request); fails after a few seconds. */
    <T> CompletableFuture<T> sendAsync(Command<T> command);

    /**
     * Runs a JavaScript expression in the page (promises are awaited) and returns its value; an exception in the page
     * becomes a {@link CaptureException} whose message starts with {@code step}.
     */
    JsonNode evaluate(String expression, String step) throws CdpException, InterruptedException, CaptureException;

    /** Listens to a page event until the capture ends. Handlers run on the connection's reader thread: keep them short. */
    <E> void on(EventType<E> type, Consumer<E> handler);

    /** Sleeps {@code d} (cut to the deadline), waking early if the renderer crashes. */
    void sleep(Duration d) throws InterruptedException;

    /**
     * Adds an entry to the capture report's {@code steps} under {@code key}; the value must be JSON-writable
     * (strings, numbers, booleans, lists, maps, records). A second call with the same key replaces the first.
     */
    void report(String key, Object value);

    /** Encodes a Java string as a JavaScript string literal, for building expressions. */
    String js(String s);
}
