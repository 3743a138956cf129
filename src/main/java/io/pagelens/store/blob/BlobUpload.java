package io.pagelens.store.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One blob being streamed in. Lifecycle: write {@link #stream()} and close it (the bytes are then hashed and synced
 * to local disk), read {@link #sha256()}, {@link #publish} it, and finally {@link #close()} the upload, which removes
 * the staging data whether or not it was published.
 */
public interface BlobUpload extends Closeable {
    /** Where to write the bytes; closing it completes the hash and syncs the staged file. */
    OutputStream stream();

    /** The hash of what was written, lower-case hex; only after the stream is closed. */
    String sha256();

    /** Bytes written; only after the stream is closed. */
    long size();

    /**
     * Makes the blob durable and readable under its hash. If identical content is already stored this only confirms
     * it. Idempotent. After it returns, a crash loses nothing.
     */
    void publish(String contentType) throws IOException;

    /** Deletes the staging data. Never throws for a missing file. */
    @Override
    void close();
}
