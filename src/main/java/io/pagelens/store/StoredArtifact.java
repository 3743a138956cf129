package io.pagelens.store;

import io.pagelens.capture.Format;

/**
 * One output of a stored capture, held in the blob store under its hash. Read it with {@link Storage#open}.
 *
 * @param width  device pixels for images, 0 otherwise
 * @param height device pixels for images, 0 otherwise
 */
public record StoredArtifact(Format format, String contentType, long bytes, int width, int height, String sha256) {
    /** The strong HTTP ETag (quoted hash); compare with If-None-Match without touching the blob store. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
