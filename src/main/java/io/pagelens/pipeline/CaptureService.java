package io.pagelens.pipeline;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Capturer;
import io.pagelens.capture.Deadline;
import io.pagelens.store.CacheHit;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.StoredArtifact;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one path from an order to a stored capture: cache lookup, sink, capture within the deadline, save. The job
 * handler, the CLI (single and batch) and the crawler call it with nothing in between.
 * <pre>{@code
 * CaptureService service = new CaptureService(engine, CaptureArchive.of(storage), Clock.systemUTC());
 * CaptureOutcome done = service.run(order);                       // stores under order.key()
 * CaptureOutcome files = service.run(order, fileSink, step -> {}); // also (or only) writes the files
 * }</pre>
 * Failures leave nothing half-stored: a failed capture discards its sinks; blobs already published are collected by
 * GC. The deadline keeps {@link #SAVE_RESERVE} back from the capture for the save, and a capture that ends past the
 * deadline is not saved.
 */
public final class CaptureService {
    /** Time of the deadline kept for saving: the capture itself must end this much before it. */
    public static final Duration SAVE_RESERVE = Duration.ofMillis(500);

    private final Capturer capturer;
    private final CaptureArchive archive;
    private final Clock clock;

    public CaptureService(Capturer capturer, CaptureArchive archive, Clock clock) {
        this.capturer = capturer;
        this.archive = archive;
        this.clock = clock;
    }

    /** Runs a stored order; see {@link #run(CaptureOrder, ArtifactSink, Consumer)}. */
    public CaptureOutcome run(CaptureOrder order) throws CaptureException, InterruptedException {
        return run(order, null, step -> { });
    }

    /**
     * Answers the order from the store when it allows ({@code maxAge}) and a fresh capture exists, copying its
     * artifacts into {@code files} if given; otherwise captures into the store and {@code files} and saves.
     *
     * @param files    also receives every artifact (the CLI's files); null for none. An order that is not stored needs it.
     * @param progress told "capturing" and "storing" as they start
     * @throws CaptureException why the capture failed, or {@link CaptureError#DEADLINE_EXCEEDED} when it could not be
     *                          stored in time
     */
    public CaptureOutcome run(CaptureOrder order, ArtifactSink files, Consumer<String> progress)
            throws CaptureException, InterruptedException {
        return run(order, files, progress, result -> Optional.of(order.key()));
    }

    /**
     * Decides, once the page is captured, under which key it is stored, or that it is not: a crawl types the page
     * from its rendered DOM (the page type is part of the key) and drops duplicates before anything is saved.
     */
    @FunctionalInterface
    public interface KeyChoice {
        /** The key to save under (same project rules, same options as the order's key), or empty to discard the capture. */
        Optional<CaptureKey> keyFor(CaptureResult result) throws CaptureException, InterruptedException;
    }

    /**
     * {@link #run(CaptureOrder, ArtifactSink, Consumer)} for a stored order whose key {@code choice} settles after the
     * capture. An empty choice discards what was stored and returns an
     * outcome without a stored capture; {@code files} keeps its artifacts.
     */
    public CaptureOutcome run(CaptureOrder order, ArtifactSink files, Consumer<String> progress, KeyChoice choice)
            throws CaptureException, InterruptedException {
        if (!order.stores() && files == null) throw new IllegalArgumentException("an order that is not stored needs a sink for its outputs");
        Optional<CaptureOutcome> hit = fromStore(order, files);
        if (hit.isPresent()) return hit.get();
        return capture(order, files, progress, choice);
    }

    private CaptureOutcome capture(CaptureOrder order, ArtifactSink files, Consumer<String> progress, KeyChoice choice)
            throws CaptureException, InterruptedException {
        Deadline deadline = Deadline.at(order.deadline(), clock);
        progress.accept("capturing");
        CaptureArchive.Sink stored = order.stores() ? archive.openSink() : null;
        ArtifactSink sink = stored == null ? files : files == null ? stored : new TeeSink(files, stored);
        CaptureResult result;
        try {
            result = capturer.capture(order.request(), sink, deadline.minus(SAVE_RESERVE));
        } catch (CaptureException | InterruptedException | RuntimeException e) {
            sink.discard(); // the capturer has discarded it already; a second discard is harmless
            throw e;
        }
        if (stored == null) return CaptureOutcome.captured(null, result);
        if (deadline.expired()) {
            sink.discard();
            throw new CaptureException(CaptureError.DEADLINE_EXCEEDED, "the page was captured but the " + deadline.describe()
                    + " passed before it could be stored; nothing was stored");
        }
        Optional<CaptureKey> key;
        try {
            key = choice.keyFor(result);
        } catch (CaptureException | InterruptedException | RuntimeException e) {
            stored.discard();
            throw e;
        }
        if (key.isEmpty()) {
            stored.discard();
            return CaptureOutcome.captured(null, result);
        }
        if (!key.get().optionsHash().equals(order.key().optionsHash())) {
            stored.discard();
            throw new IllegalArgumentException("the chosen key has other options than the order's");
        }
        progress.accept("storing");
        try {
            return CaptureOutcome.captured(stored.save(key.get(), order.options(), result), result);
        } catch (RuntimeException e) {
            stored.discard(); // the files the caller asked for stay: they are complete
            throw e;
        }
    }

    /**
     * The stored capture that answers the order ({@code maxAge} given and a fresh capture of its key exists), or
     * empty. For an edge that wants to answer without queueing; {@link #run} looks it up itself.
     */
    public Optional<CaptureOutcome> cached(CaptureOrder order) throws CaptureException {
        return fromStore(order, null);
    }

    private Optional<CaptureOutcome> fromStore(CaptureOrder order, ArtifactSink files) throws CaptureException {
        if (!order.stores() || order.maxAge() == null) return Optional.empty();
        Optional<CacheHit> hit = archive.findFresh(order.key(), order.maxAge());
        if (hit.isEmpty()) return Optional.empty();
        StoredCapture c = hit.get().capture();
        if (files != null) {
            if (!order.request().formats().stream().allMatch(f -> c.artifact(f).isPresent())) return Optional.empty();
            if (!copy(c, files)) return Optional.empty();
        }
        return Optional.of(CaptureOutcome.fromStore(c, hit.get().age()));
    }

    /** Copies a stored capture's artifacts into {@code files}; false (nothing left behind) when a blob is gone. */
    private boolean copy(StoredCapture c, ArtifactSink files) throws CaptureException {
        try {
            for (StoredArtifact a : c.artifacts()) {
                Optional<InputStream> blob = archive.open(a);
                if (blob.isEmpty()) {
                    files.discard(); // lost (a store wiped by hand): capture again
                    return false;
                }
                try (InputStream in = blob.get(); OutputStream out = files.open(a.format(), a.contentType())) {
                    in.transferTo(out);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            files.discard();
            throw new CaptureException(CaptureError.INTERNAL, "copying stored capture " + c.id() + " failed: " + e.getMessage(), e);
        }
    }
}
