package io.pagelens.cli;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.store.BlobSink;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.blob.BlobContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code pagelens capture --project ...} does with storage: answer from a fresh stored capture (--max-age)
 * before any browser starts, or tee the capture's outputs into the store and save them under the key.
 * {@link #NONE} (no --project) passes everything through untouched.
 */
final class CaptureStore implements AutoCloseable {
    static final CaptureStore NONE = new CaptureStore(null, null);

    private final Storage storage;
    private final StoreOptions options;

    private CaptureStore(Storage storage, StoreOptions options) {
        this.storage = storage;
        this.options = options;
    }

    static CaptureStore open(StoreOptions options, Supplier<Storage> storages) {
        return options.enabled() ? new CaptureStore(storages.get(), options) : NONE;
    }

    /** A stored capture answering the request, its outputs written to {@code paths}. */
    record Cached(StoredCapture capture, Duration age, List<Path> written) {
    }

    /** A fresh stored capture of the request's key (only with --project and --max-age), copied to the files. */
    Optional<Cached> cached(CaptureRequest request, Map<Format, Path> paths) throws IOException {
        if (storage == null || options.maxAge() == null) return Optional.empty();
        Optional<CacheHit> hit = storage.findFresh(options.key(request), options.maxAge());
        if (hit.isEmpty()) return Optional.empty();
        StoredCapture c = hit.get().capture();
        if (!request.formats().stream().allMatch(f -> c.artifact(f).isPresent() || !paths.containsKey(f))) {
            return Optional.empty(); // a format the stored capture lacks: capture again
        }
        FileArtifactSink files = new FileArtifactSink(paths);
        try {
            for (StoredArtifact a : c.artifacts()) {
                if (!paths.containsKey(a.format())) continue;
                Optional<BlobContent> blob = storage.open(a);
                if (blob.isEmpty()) {
                    files.discard();
                    return Optional.empty(); // blob lost (store wiped by hand): capture again
                }
                try (InputStream in = blob.get().stream(); OutputStream out = files.open(a.format(), a.contentType())) {
                    in.transferTo(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            files.discard();
            throw e;
        }
        return Optional.of(new Cached(c, hit.get().age(), files.written()));
    }

    /** Starts one capture: its sink, and what to do when it succeeds or fails. */
    Run begin(CaptureRequest request, ArtifactSink files) {
        return new Run(request, files);
    }

    final class Run {
        private final CaptureRequest request;
        private final ArtifactSink sink;
        private final BlobSink blobs;

        private Run(CaptureRequest request, ArtifactSink files) {
            this.request = request;
            this.blobs = storage == null ? null : storage.openSink();
            this.sink = blobs == null ? files : new TeeSink(files, blobs);
        }

        ArtifactSink sink() {
            return sink;
        }

        /** Saves the result under its key; null when not storing. */
        StoredCapture save(CaptureResult result) {
            if (blobs == null) return null;
            CaptureKey key = options.key(request);
            return storage.save(key, result, blobs);
        }

        void discard() {
            sink.discard();
        }
    }

    @Override
    public void close() {
        if (storage != null) storage.close();
    }
}
