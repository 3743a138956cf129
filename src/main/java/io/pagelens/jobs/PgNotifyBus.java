package io.pagelens.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.observe.MeterNames;
import io.pagelens.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Job events over PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}: sending is one
 * {@code pg_notify} through the pool (delivered when it commits, so a listener that reads the store after an event
 * sees what the event says); listening holds one dedicated connection outside the pool, read by a virtual thread
 * with {@code PGConnection.getNotifications(timeout)}. A lost connection is re-opened with backoff; events sent
 * meanwhile are missed, which listeners cover by reading the store.
 */
public final class PgNotifyBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(PgNotifyBus.class);
    static final String CHANNEL = "pagelens_jobs";
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Database db;
    private final MeterRegistry metrics;
    private final String origin = UUID.randomUUID().toString().substring(0, 12);
    private volatile boolean closed;
    private volatile Connection listening;
    private Thread listener;

    public PgNotifyBus(Database db, MeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    @Override
    public void send(JobEvent e) {
        if (closed) return;
        String payload = JobEventCodec.encode(origin, e);
        try {
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, payload);
                    ps.execute();
                }
                return null;
            });
        } catch (RuntimeException ex) {
            metrics.counter(MeterNames.EVENTS_ERRORS, "bus", describe(), "op", "send").increment();
            log.atWarn().addKeyValue("job", e.jobId()).addKeyValue("error", ex.getMessage()).log("job event not sent");
        }
    }

    @Override
    public synchronized void start(Consumer<JobEvent> sink) {
        if (listener != null) throw new IllegalStateException("already started");
        listener = Thread.ofVirtual().name("pg-notify-listener").start(() -> listen(sink));
    }

    private void listen(Consumer<JobEvent> sink) {
        Duration backoff = Duration.ofMillis(200);
        while (!closed) {
            try (Connection c = db.dedicatedConnection()) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (closed) return;
                log.atInfo().addKeyValue("channel", CHANNEL).log("listening for job events");
                backoff = Duration.ofMillis(200);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) WAIT.toMillis());
                    if (got == null) continue;
                    for (PGNotification n : got) {
                        JobEventCodec.decode(n.getParameter()).filter(m -> !m.origin().equals(origin)).ifPresent(m -> deliver(sink, m.event()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                metrics.counter(MeterNames.EVENTS_ERRORS, "bus", describe(), "op", "listen").increment();
                log.atWarn().addKeyValue("error", e.getMessage()).addKeyValue("retryMs", backoff.toMillis())
                        .log("job event listener lost its connection; listeners read the store meanwhile");
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    private static void deliver(Consumer<JobEvent> sink, JobEvent e) {
        try {
            sink.accept(e);
        } catch (RuntimeException ex) {
            log.atWarn().addKeyValue("job", e.jobId()).addKeyValue("error", ex.getMessage()).log("job event listener failed");
        }
    }

    @Override
    public boolean crossProcess() {
        return true;
    }

    @Override
    public String describe() {
        return "postgres-notify";
    }

    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // ends a getNotifications wait at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
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
