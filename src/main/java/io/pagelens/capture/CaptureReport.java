package io.pagelens.capture;

import io.pagelens.egress.BlockedRequest;

import java.net.URI;
import java.util.List;

/**
 * What happened during one capture, for users and for the memory governor.
 *
 * @param finalUrl       the URL after redirects
 * @param redirectChain  every URL navigated through, first the requested one
 * @param httpStatus     the main document's status
 * @param consoleErrors  console.error messages and uncaught exceptions (capped)
 * @param failedRequests sub-requests that failed, as "URL: reason" (capped)
 * @param blockedRequests requests the egress guard refused, with the rule (capped)
 * @param pageHeight     the document's full height in CSS pixels
 * @param heightCapped   whether a full-page screenshot was cut at maxHeight
 * @param tiles          screenshot pieces taken (1 unless the page was tiled)
 * @param timings        where the time went
 * @param bytesWritten   bytes of all artifacts
 */
public record CaptureReport(URI finalUrl, List<URI> redirectChain, int httpStatus, List<String> consoleErrors,
                            List<String> failedRequests, List<BlockedRequest> blockedRequests, int pageHeight,
                            boolean heightCapped, int tiles, Timings timings, long bytesWritten) {
    public CaptureReport {
        redirectChain = List.copyOf(redirectChain);
        consoleErrors = List.copyOf(consoleErrors);
        failedRequests = List.copyOf(failedRequests);
        blockedRequests = blockedRequests == null ? List.of() : List.copyOf(blockedRequests); // absent in older stored reports
    }

    /** A report without blocked requests (captures made with the guard off, test fixtures). */
    public CaptureReport(URI finalUrl, List<URI> redirectChain, int httpStatus, List<String> consoleErrors,
                         List<String> failedRequests, int pageHeight, boolean heightCapped, int tiles,
                         Timings timings, long bytesWritten) {
        this(finalUrl, redirectChain, httpStatus, consoleErrors, failedRequests, List.of(), pageHeight, heightCapped, tiles,
                timings, bytesWritten);
    }

    /** Milliseconds spent waiting for a slot, navigating, waiting for render, encoding/writing, and in total. */
    public record Timings(long queueMs, long navigationMs, long renderMs, long encodeMs, long totalMs) {
    }
}
