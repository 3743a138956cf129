package io.pagelens.store.blob;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Content-addressed storage of artifacts (screenshots, HTML, Markdown, PDF): a blob's name is the SHA-256 of its
 * bytes, so identical content is stored once and its ETag is its hash.
 *
 * <p>Bytes are streamed in through an {@link BlobUpload} (spooled to a synced local file while hashed, never held in
 * memory), then {@linkplain BlobUpload#publish published} under their hash. Reads stream out. Implementations:
 * {@link LocalBlobStore} (a folder, the default) and {@link S3BlobStore}. Safe for concurrent use.
 *
 * <p>This interface knows nothing about references; which blobs are in use, and when one may be deleted, is the
 * database's business (the store's Storage and its garbage collector).
 */
public interface BlobStore extends AutoCloseable {
    /** Starts a new blob. Write its {@link BlobUpload#stream()}, close the stream, then publish or close the upload. */
    BlobUpload upload() throws IOException;

    /** The whole blob, or empty if there is none with this hash. */
    Optional<BlobContent> open(String sha256) throws IOException;

    /**
     * Part of the blob, for HTTP Range requests: {@code length} bytes from {@code offset} (fewer at the end).
     * Empty if there is no such blob; an offset at or past the end is an {@link IllegalArgumentException}.
     */
    Optional<BlobContent> open(String sha256, long offset, long length) throws IOException;

    boolean exists(String sha256) throws IOException;

    /** Removes the blob; nothing happens if it is already gone. Callers make sure no capture references it. */
    void delete(String sha256) throws IOException;

    /** Visits every stored blob (for garbage collection's scan of objects the database does not know). */
    void forEach(Consumer<BlobInfo> visitor) throws IOException;

    /** Where blobs go, for logs and {@code pagelens list} (never contains secrets). */
    String describe();

    @Override
    void close();
}
