package io.pagelens.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Retention then garbage collection, as one task. {@link #run()} does one pass (errors are logged, never thrown, so
 * a scheduler keeps going); {@link #start()} runs it every {@link StorageSettings#maintenanceInterval()} on one
 * daemon thread until {@link #close()}. Several processes may run it against one database at once.
 */
public final class StorageMaintenance implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageMaintenance.class);

    private final Storage storage;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public StorageMaintenance(Storage storage) {
        this(storage, storage.settings().maintenanceInterval());
    }

    public StorageMaintenance(Storage storage, Duration interval) {
        if (interval == null || interval.isZero() || interval.isNegative()) throw new IllegalArgumentException("interval must be positive");
        this.storage = storage;
        this.interval = interval;
    }

    @Override
    public void run() {
        try {
            storage.applyRetention();
            storage.collectGarbage();
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("retryIn", interval).addKeyValue("error", e.toString()).log("storage maintenance failed");
        }
    }

    /** Schedules {@link #run()} every interval, the first after one interval (startup stays fast). */
    public synchronized StorageMaintenance start() {
        if (scheduler != null) throw new IllegalStateException("already started");
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pagelens-storage-maintenance").factory());
        scheduler.scheduleWithFixedDelay(this, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops scheduling; waits up to 10 s for a running pass. Idempotent. */
    @Override
    public synchronized void close() {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) log.warn("storage maintenance still running after 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }
}
