package io.pagelens.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * In-process fan-out of job events to listeners (SSE streams, synchronous waiters). Only events of jobs run
 * in this process arrive here; listeners of jobs run elsewhere also poll the store, so a split
 * web/worker deployment loses progress detail, never the outcome.
 */
public final class JobEvents {
    private final Map<String, Set<Consumer<JobEvent>>> listeners = new ConcurrentHashMap<>();
    private final Set<Runnable> enqueueListeners = ConcurrentHashMap.newKeySet();

    /** Listens to one job until the returned handle is closed. */
    public Subscription subscribe(String jobId, Consumer<JobEvent> listener) {
        listeners.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(jobId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** A listener registration; closing it is idempotent. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public void publish(JobEvent e) {
        Set<Consumer<JobEvent>> set = listeners.get(e.jobId());
        if (set != null) set.forEach(l -> l.accept(e));
        if (e.type().equals("queued") || e.type().equals("retrying")) enqueueListeners.forEach(Runnable::run);
    }

    /** Called when work may be due, so idle workers wake without waiting out their poll interval. */
    void onWork(Runnable r) {
        enqueueListeners.add(r);
    }

    void offWork(Runnable r) {
        enqueueListeners.remove(r);
    }
}
