package io.pagelens.store;

import java.time.Instant;

/**
 * A stored diff of two captures: its result as JSON and its two images as blobs.
 *
 * @param captureA   the control
 * @param captureB   the capture compared with it ({@code against})
 * @param resultJson the visual diff result, and the Markdown diff under {@code textDiff} when both captures have Markdown
 * @param diffBlob   SHA-256 of the diff image (PNG)
 * @param sideBlob   SHA-256 of the side-by-side image (PNG)
 */
public record StoredDiff(String id, String captureA, String captureB, String optionsHash, String resultJson, String diffBlob,
                         long diffBytes, String sideBlob, long sideBytes, Instant createdAt) {
}
