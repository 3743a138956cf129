package io.pagelens.store;

import io.pagelens.capture.Format;

/** An artifact a {@link BlobSink} wrote: published in the blob store, not yet referenced by a saved capture. */
public record WrittenBlob(Format format, String contentType, String sha256, long bytes) {
}
