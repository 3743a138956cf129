package io.pagelens.store;

import io.pagelens.store.blob.BlobInfo;
import io.pagelens.store.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes blobs no capture references. Safe beside captures in flight and beside other processes doing the same:
 * <ul>
 *   <li>a blob is a candidate only when unused for the grace period: a capture's sink touches the row of every blob it
 *       writes before publishing it, and a capture lasts minutes at most;</li>
 *   <li>row and object are deleted in one transaction whose condition (still unused, still unreferenced) is checked
 *       by the DELETE itself, so a sink touching the row concurrently either wins (nothing deleted) or waits for the
 *       deletion to commit and then publishes the object again;</li>
 *   <li>the foreign key from capture artifacts to blobs makes a save referencing a removed blob fail instead of
 *       leaving a dangling reference.</li>
 * </ul>
 * Objects without a row (a crash after publishing and before the row existed cannot happen, but a lost database or a
 * manual copy can) are first adopted with their own modification time, then swept like the rest.
 */
final class GarbageCollector {
    private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);
    private static final int BATCH = 500;

    private final BlobRegistry registry;
    private final BlobStore store;
    private final Clock clock;
    private final Duration grace;

    GarbageCollector(BlobRegistry registry, BlobStore store, Clock clock, Duration grace) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.grace = grace;
    }

    GcReport collect() {
        long cutoff = clock.millis() - grace.toMillis();
        int adopted = adoptUnknownObjects(cutoff);
        int deleted = 0;
        int failed = 0;
        long freed = 0;
        List<String> skipped = new ArrayList<>();
        while (true) {
            List<String> batch = registry.candidates(cutoff, BATCH + skipped.size());
            batch.removeAll(skipped);
            if (batch.isEmpty()) break;
            for (String sha : batch) {
                try {
                    long bytes = registry.deleteIfUnused(sha, cutoff, store::delete);
                    if (bytes >= 0) {
                        deleted++;
                        freed += bytes;
                    } else {
                        skipped.add(sha); // touched or referenced meanwhile
                    }
                } catch (StoreException e) {
                    failed++;
                    skipped.add(sha);
                    log.atWarn().addKeyValue("sha256", sha).addKeyValue("error", e.getMessage()).log("gc could not delete a blob");
                }
            }
        }
        GcReport report = new GcReport(adopted, deleted, freed, failed);
        log.atInfo().addKeyValue("adopted", adopted).addKeyValue("deleted", deleted).addKeyValue("bytesFreed", freed)
                .addKeyValue("failed", failed).log("gc done");
        return report;
    }

    private int adoptUnknownObjects(long cutoff) {
        List<BlobInfo> pending = new ArrayList<>();
        int[] adopted = {0};
        try {
            store.forEach(info -> {
                // younger objects may belong to an upload whose row is being written right now
                if (info.lastModified().toEpochMilli() >= cutoff) return;
                pending.add(info);
                if (pending.size() >= BATCH) {
                    adopted[0] += adopt(pending);
                    pending.clear();
                }
            });
        } catch (IOException e) {
            log.atWarn().addKeyValue("blobs", store.describe()).addKeyValue("error", e.getMessage())
                    .log("gc could not list the blob store; sweeping known blobs only");
        }
        adopted[0] += adopt(pending);
        return adopted[0];
    }

    private int adopt(List<BlobInfo> objects) {
        if (objects.isEmpty()) return 0;
        Set<String> known = registry.known(objects.stream().map(BlobInfo::sha256).toList());
        int n = 0;
        for (BlobInfo o : objects) {
            if (!known.contains(o.sha256()) && registry.adopt(o.sha256(), o.size(), o.lastModified().toEpochMilli())) n++;
        }
        return n;
    }
}
