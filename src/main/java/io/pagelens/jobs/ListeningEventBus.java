package io.pagelens.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the cross-process buses ({@link PgNotifyBus}, {@code redis.RedisEventBus}) share: a per-process origin so a
 * process never hears itself, one virtual thread listening on one dedicated connection, re-opened with backoff
 * (200 ms doubling to 10 s, back to 200 ms once a connection is up) when it breaks, and a close that ends a wait or
 * a backoff at once. Subclasses say how to listen on one connection and how to stop it.
 */
public abstract class ListeningEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(ListeningEventBus.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String origin = UUID.randomUUID().toString().substring(0, 12);
    private final String threadName;
    private volatile boolean closed;
    private volatile boolean up; // a connection came up since the last failure
    private Thread listener;

    protected ListeningEventBus(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Listens on one fresh connection, handing each message's payload to {@code payloads}, until the connection
     * breaks (an exception) or the bus closes; calls {@link #connected()} once it listens.
     */
    protected abstract void listenOnce(Consumer<String> payloads) throws Exception;

    /** Ends a {@link #listenOnce} in progress from another thread (unsubscribes, closes its connection). */
    protected abstract void stopListening();

    /** The listening connection broke; the next try is in {@code retry}. For the log and metrics. */
    protected abstract void lost(Exception e, Duration retry);

    /** An event as this process sends it: marked with its origin. */
    protected final String encode(JobEvent e) {
        return JobEventCodec.encode(origin, e);
    }

    protected final boolean closed() {
        return closed;
    }

    /** Called by {@link #listenOnce} when its connection listens: the next failure waits the shortest backoff again. */
    protected final void connected() {
        up = true;
    }

    @Override
    public final synchronized void start(Consumer<JobEvent> sink) {
        if (listener != null) throw new IllegalStateException("already started");
        listener = Thread.ofVirtual().name(threadName).start(() -> listen(sink));
    }

    private void listen(Consumer<JobEvent> sink) {
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            try {
                listenOnce(payload -> deliver(sink, payload));
            } catch (Exception e) {
                if (closed) return;
                if (up) backoff = FIRST_BACKOFF;
                up = false;
                lost(e, backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Another process's event to {@code sink}; this process's own are dropped, a failing sink is logged. */
    private void deliver(Consumer<JobEvent> sink, String payload) {
        JobEventCodec.decode(payload).filter(m -> !m.origin().equals(origin)).ifPresent(m -> {
            try {
                sink.accept(m.event());
            } catch (RuntimeException ex) {
                log.atWarn().addKeyValue("job", m.event().jobId()).addKeyValue("error", ex.getMessage()).log("job event listener failed");
            }
        });
    }

    @Override
    public final boolean crossProcess() {
        return true;
    }

    @Override
    public final void close() {
        closed = true;
        stopListening();
        Thread t = listener;
        if (t != null) {
            t.interrupt(); // ends a backoff sleep between reconnects at once
            try {
                t.join(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
