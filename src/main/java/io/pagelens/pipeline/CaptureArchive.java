package io.pagelens.pipeline;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureResult;
import io.pagelens.store.BlobSink;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CanonicalOptions;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.blob.BlobContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * What the {@link CaptureService} needs of storage: the result cache, a sink that streams into the blob store and
 * saves under a key, and reading a stored artifact back. {@link #of(Storage)} is the real one; {@link #NONE} stores
 * nothing (the CLI without {@code --project}); tests use an in-memory fake.
 */
public interface CaptureArchive {
    /** No storage: only orders that are not stored can run. */
    CaptureArchive NONE = new CaptureArchive() {
        @Override
        public Optional<CacheHit> findFresh(CaptureKey key, Duration maxAge) {
            return Optional.empty();
        }

        @Override
        public Sink openSink() {
            throw new IllegalStateException("this process has no storage; the order should not have a key");
        }

        @Override
        public Optional<InputStream> open(StoredArtifact artifact) {
            return Optional.empty();
        }
    };

    /** The current capture of the key if it is at most {@code maxAge} old. */
    Optional<CacheHit> findFresh(CaptureKey key, Duration maxAge);

    /** A sink for one capture's artifacts, saved with {@link Sink#save}. */
    Sink openSink();

    /** A stored artifact's bytes; empty when its blob is gone. */
    Optional<InputStream> open(StoredArtifact artifact) throws IOException;

    /** One capture's artifacts on their way into storage. */
    interface Sink extends ArtifactSink {
        /** Saves the result as the key's new current version. */
        StoredCapture save(CaptureKey key, CanonicalOptions options, CaptureResult result);
    }

    /** The archive of a {@link Storage}. */
    static CaptureArchive of(Storage storage) {
        return new CaptureArchive() {
            @Override
            public Optional<CacheHit> findFresh(CaptureKey key, Duration maxAge) {
                return storage.findFresh(key, maxAge);
            }

            @Override
            public Sink openSink() {
                BlobSink blobs = storage.openSink();
                return new Sink() {
                    @Override
                    public OutputStream open(io.pagelens.capture.Format format, String contentType) throws IOException {
                        return blobs.open(format, contentType);
                    }

                    @Override
                    public void discard() {
                        blobs.discard();
                    }

                    @Override
                    public StoredCapture save(CaptureKey key, CanonicalOptions options, CaptureResult result) {
                        return storage.save(key, options, result, blobs);
                    }
                };
            }

            @Override
            public Optional<InputStream> open(StoredArtifact artifact) throws IOException {
                return storage.open(artifact).map(BlobContent::stream);
            }
        };
    }
}
