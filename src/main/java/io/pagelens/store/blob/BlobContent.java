package io.pagelens.store.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob being read: stream it out, then close it.
 *
 * @param stream      the bytes (the whole blob, or the requested range)
 * @param length      bytes in {@code stream}
 * @param totalLength bytes in the whole blob (for Content-Range)
 * @param offset      where {@code stream} starts in the blob; 0 for a whole blob
 * @param sha256      the blob's hash, a strong ETag
 * @param contentType as stored, or {@code application/octet-stream} when the store does not keep it
 */
public record BlobContent(InputStream stream, long length, long totalLength, long offset, String sha256,
                          String contentType) implements Closeable {
    public static final String UNKNOWN_TYPE = "application/octet-stream";

    /** The HTTP ETag header value (quoted, strong). */
    public String etag() {
        return "\"" + sha256 + "\"";
    }

    public boolean partial() {
        return length != totalLength;
    }

    /** The same content with the content type the caller knows better (e.g. from the artifact row). */
    public BlobContent withContentType(String type) {
        return new BlobContent(stream, length, totalLength, offset, sha256, type);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
