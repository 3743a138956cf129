package io.pagelens.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fan-out of job events to this process's listeners (SSE streams, synchronous waiters, idle workers), and through
 * an {@link EventBus} to and from the other processes of a deployment: an event published here reaches local
 * listeners at once and the bus's other processes; one the bus brings in reaches local listeners only.
 * Without a cross-process bus, listeners of jobs run elsewhere learn the outcome by polling the store.
 */
public final class JobEvents {
    /** The type of an event that names no job: work may be due (jobs requeued by a reaper), idle workers look. */
    static final String WORK = "work";

    private final Map<String, Set<Consumer<JobEvent>>> listeners = new ConcurrentHashMap<>();
    private final Set<Runnable> enqueueListeners = ConcurrentHashMap.newKeySet();
    private final EventBus bus;

    /** Events stay in this process. */
    public JobEvents() {
        this(EventBus.LOCAL);
    }

    /** Events also go to, and come from, the other processes on {@code bus} (started here). */
    public JobEvents(EventBus bus) {
        this.bus = bus;
        bus.start(this::deliver);
    }

    public EventBus bus() {
        return bus;
    }

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

    /** To this process's listeners and every other process on the bus. */
    public void publish(JobEvent e) {
        deliver(e);
        bus.send(e);
    }

    /** Tells every process that work may be due, without naming a job (e.g. jobs a reaper put back in the queue). */
    public void publishWork() {
        publish(new JobEvent("*", WORK, JobState.QUEUED, 0, null, Instant.now()));
    }

    /** To this process's listeners only: an event of this process, or one the bus brought from another. */
    void deliver(JobEvent e) {
        Set<Consumer<JobEvent>> set = listeners.get(e.jobId());
        if (set != null) set.forEach(l -> l.accept(e));
        if (e.type().equals("queued") || e.type().equals("retrying") || e.type().equals("requeued") || e.type().equals(WORK)) {
            enqueueListeners.forEach(Runnable::run);
        }
    }

    /** Called when work may be due, so idle workers wake without waiting out their poll interval. */
    void onWork(Runnable r) {
        enqueueListeners.add(r);
    }

    void offWork(Runnable r) {
        enqueueListeners.remove(r);
    }
}
