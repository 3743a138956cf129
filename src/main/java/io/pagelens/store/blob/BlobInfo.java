package io.pagelens.store.blob;

import java.time.Instant;

/** A stored blob as a listing sees it. */
public record BlobInfo(String sha256, long size, Instant lastModified) {
}
