package io.pagelens.pipeline;

import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CanonicalOptions;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;
import io.pagelens.store.blob.Sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Storage in memory, for the service's own logic: keys to current captures, blobs by hash. */
final class FakeArchive implements CaptureArchive {
    final Map<CaptureKey, StoredCapture> current = new ConcurrentHashMap<>();
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final AtomicInteger sinksOpened = new AtomicInteger();
    final AtomicInteger discards = new AtomicInteger();
    final List<CanonicalOptions> savedWith = new ArrayList<>();
    RuntimeException failSave;
    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();

    FakeArchive(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<CacheHit> findFresh(CaptureKey key, Duration maxAge) {
        StoredCapture c = current.get(key);
        if (c == null || maxAge.isZero()) return Optional.empty();
        Duration age = c.age(clock);
        return age.compareTo(maxAge) <= 0 ? Optional.of(new CacheHit(c, age)) : Optional.empty();
    }

    @Override
    public Sink openSink() {
        sinksOpened.incrementAndGet();
        return new Sink() {
            final Map<Format, ByteArrayOutputStream> written = new ConcurrentHashMap<>();

            @Override
            public OutputStream open(Format format, String contentType) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                written.put(format, b);
                return b;
            }

            @Override
            public void discard() {
                discards.incrementAndGet();
                written.clear();
            }

            @Override
            public StoredCapture save(CaptureKey key, CanonicalOptions options, CaptureResult result) {
                if (failSave != null) throw failSave;
                savedWith.add(options);
                List<StoredArtifact> artifacts = new ArrayList<>();
                written.forEach((f, b) -> {
                    String sha = Sha256.of(b.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
                    blobs.put(sha, b.toByteArray());
                    artifacts.add(new StoredArtifact(f, "application/octet-stream", b.size(), 0, 0, sha));
                });
                StoredCapture previous = current.get(key);
                StoredCapture c = new StoredCapture("cap_" + ids.incrementAndGet(), "prj_1", key.project(), "pg_1", key.pageType(),
                        key.url(), result.request().url().toString(), key.optionsHash(), key.variant(),
                        previous == null ? 1 : previous.version() + 1, true, Instant.now(clock), result.report(), result.metadata(),
                        options.json(), artifacts);
                current.put(key, c);
                return c;
            }
        };
    }

    @Override
    public Optional<InputStream> open(StoredArtifact artifact) {
        byte[] b = blobs.get(artifact.sha256());
        return b == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(b));
    }
}
