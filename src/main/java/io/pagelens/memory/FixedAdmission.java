package io.pagelens.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Admission by a fixed number of concurrent captures, whatever memory says; for tests and explicit overrides. */
public final class FixedAdmission implements Admission {
    private final Semaphore slots;
    private final int size;

    public FixedAdmission(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        this.size = concurrency;
        this.slots = new Semaphore(concurrency, true);
    }

    public int concurrency() {
        return size;
    }

    @Override
    public Permit admit(CaptureKind kind, String host, Instant deadline) throws InterruptedException, AdmissionException {
        long waitMs = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        if (!slots.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
            throw new AdmissionException("no capture slot free before the deadline (" + size + " in use)");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) slots.release();
        };
    }
}
