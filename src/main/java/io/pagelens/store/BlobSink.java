package io.pagelens.store;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.Format;
import io.pagelens.store.blob.BlobStore;
import io.pagelens.store.blob.BlobUpload;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ArtifactSink} that streams a capture's outputs into the blob store. Get one from
 * {@link Storage#openSink()}, pass it to the capturer, then hand it to {@link Storage#save}.
 *
 * <p>When an artifact's stream is closed its bytes are already hashed and synced; the sink then records the blob as
 * in use (so garbage collection leaves it alone for the grace period) and only then publishes it. A crash at any
 * point leaves at most an unreferenced blob, which GC removes; never a row pointing at a missing blob.
 */
public final class BlobSink implements ArtifactSink {
    private final BlobStore store;
    private final BlobRegistry registry;
    private final List<WrittenBlob> written = new ArrayList<>();
    private final Set<BlobUpload> open = ConcurrentHashMap.newKeySet();
    private volatile boolean discarded;

    BlobSink(BlobStore store, BlobRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public OutputStream open(Format format, String contentType) throws IOException {
        if (discarded) throw new IllegalStateException("sink was discarded");
        BlobUpload upload = store.upload();
        open.add(upload);
        return new FilterOutputStream(upload.stream()) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream would write byte by byte
            }

            @Override
            public void close() throws IOException {
                if (closed) return;
                closed = true;
                try {
                    out.close(); // hash complete, staged file synced
                    registry.touch(upload.sha256(), upload.size(), contentType); // in use BEFORE it is visible
                    upload.publish(contentType);
                    synchronized (written) {
                        written.add(new WrittenBlob(format, contentType, upload.sha256(), upload.size()));
                    }
                } finally {
                    open.remove(upload);
                    upload.close();
                }
            }
        };
    }

    /** What was written so far, in order. */
    public List<WrittenBlob> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    /**
     * Drops uploads still open. Blobs already published stay until GC finds them unreferenced (they may be shared
     * with other captures, so they are never deleted here).
     */
    @Override
    public void discard() {
        discarded = true;
        for (BlobUpload u : open) u.close();
        open.clear();
        synchronized (written) {
            written.clear();
        }
    }
}
