package io.pagelens.capture;

import io.pagelens.egress.BlockedRequest;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
 * @param steps          what the capture's {@link PageStep}s reported, by key ({@link PageContext#report}); JSON values
 */
public record CaptureReport(URI finalUrl, List<URI> redirectChain, int httpStatus, List<String> consoleErrors,
                            List<String> failedRequests, List<BlockedRequest> blockedRequests, int pageHeight,
                            boolean heightCapped, int tiles, Timings timings, long bytesWritten, Map<String, Object> steps) {
    public CaptureReport {
        redirectChain = List.copyOf(redirectChain);
        consoleErrors = List.copyOf(consoleErrors);
        failedRequests = List.copyOf(failedRequests);
        blockedRequests = blockedRequests == null ? List.of() : List.copyOf(blockedRequests); // absent in older stored reports
        // insertion order kept (steps report in the order they ran); absent in older stored reports
        steps = steps == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
    }

    /** A report without step entries. */
    public CaptureReport(URI finalUrl, List<URI> redirectChain, int httpStatus, List<String> consoleErrors,
                         List<String> failedRequests, List<BlockedRequest> blockedRequests, int pageHeight,
                         boolean heightCapped, int tiles, Timings timings, long bytesWritten) {
        this(finalUrl, redirectChain, httpStatus, consoleErrors, failedRequests, blockedRequests, pageHeight, heightCapped, tiles,
                timings, bytesWritten, Map.of());
    }

    /** A report without blocked requests or step entries (captures made with the guard off, test fixtures). */
    public CaptureReport(URI finalUrl, List<URI> redirectChain, int httpStatus, List<String> consoleErrors,
                         List<String> failedRequests, int pageHeight, boolean heightCapped, int tiles,
                         Timings timings, long bytesWritten) {
        this(finalUrl, redirectChain, httpStatus, consoleErrors, failedRequests, List.of(), pageHeight, heightCapped, tiles,
                timings, bytesWritten, Map.of());
    }

    /** Milliseconds spent waiting for a slot, navigating, waiting for render, encoding/writing, and in total. */
    public record Timings(long queueMs, long navigationMs, long renderMs, long encodeMs, long totalMs) {
    }
}
