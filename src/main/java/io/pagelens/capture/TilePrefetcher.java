package io.pagelens.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Hands out tiles 0..count-1 in order, fetching tile i+1 in the background once tile i has arrived, so Chromium
 * paints the next tile while the caller encodes the current one. Fetches never overlap: two screenshots at once
 * on one page disturb each other (a scroll tile moves the page, a clip tile resizes the view), which misplaces
 * tiles. At most two
 * tiles are held: the caller's and the next.
 */
final class TilePrefetcher<T> implements AutoCloseable {
    /** Fetches tile {@code index}. */
    @FunctionalInterface
    interface Fetcher<T> {
        T fetch(int index) throws IOException;
    }

    private final int count;
    private final Fetcher<T> fetcher;
    private CompletableFuture<T> next;
    private int taken;

    TilePrefetcher(int count, Fetcher<T> fetcher) {
        this.count = count;
        this.fetcher = fetcher;
    }

    int taken() {
        return taken;
    }

    boolean hasNext() {
        return taken < count;
    }

    /** The next tile, waiting for it if needed. */
    T next() throws IOException {
        if (!hasNext()) throw new IllegalStateException("all " + count + " tiles taken");
        int index = taken++;
        CompletableFuture<T> f = next != null ? next : start(index);
        next = null;
        try {
            T tile = f.get();
            if (index + 1 < count) next = start(index + 1);
            return tile;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("fetching tile " + index + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for tile " + index);
        }
    }

    private CompletableFuture<T> start(int index) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.ofVirtual().name("tile-" + index).start(() -> {
            try {
                f.complete(fetcher.fetch(index));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /** Waits for a background fetch still running, so no tile command outlives the capture. */
    @Override
    public void close() {
        CompletableFuture<T> f = next;
        next = null;
        if (f != null) {
            try {
                f.get();
            } catch (Exception ignored) {
                // the capture is over; its outcome was decided elsewhere
            }
        }
    }
}
