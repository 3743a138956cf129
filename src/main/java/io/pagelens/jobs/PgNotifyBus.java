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
import java.util.function.Consumer;

/**
 * Job events over PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}: sending is one
 * {@code pg_notify} through the pool (delivered when it commits, so a listener that reads the store after an event
 * sees what the event says); listening holds one dedicated connection outside the pool, read by a virtual thread
 * with {@code PGConnection.getNotifications(timeout)}. A lost connection is re-opened with backoff; events sent
 * meanwhile are missed, which listeners cover by reading the store.
 */
public final class PgNotifyBus extends ListeningEventBus {
    private static final Logger log = LoggerFactory.getLogger(PgNotifyBus.class);
    static final String CHANNEL = "pagelens_jobs";
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Database db;
    private final MeterRegistry metrics;
    private volatile Connection listening;

    public PgNotifyBus(Database db, MeterRegistry metrics) {
        super("pg-notify-listener");
        this.db = db;
        this.metrics = metrics;
    }

    @Override
    public void send(JobEvent e) {
        if (closed()) return;
        String payload = encode(e);
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
    protected void listenOnce(Consumer<String> payloads) throws SQLException {
        try (Connection c = db.dedicatedConnection()) {
            listening = c;
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
            }
            if (closed()) return;
            log.atInfo().addKeyValue("channel", CHANNEL).log("listening for job events");
            connected();
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!closed()) {
                PGNotification[] got = pg.getNotifications((int) WAIT.toMillis());
                if (got == null) continue;
                for (PGNotification n : got) payloads.accept(n.getParameter());
            }
        } finally {
            listening = null;
        }
    }

    @Override
    protected void lost(Exception e, Duration retry) {
        metrics.counter(MeterNames.EVENTS_ERRORS, "bus", describe(), "op", "listen").increment();
        log.atWarn().addKeyValue("error", e.getMessage()).addKeyValue("retryMs", retry.toMillis())
                .log("job event listener lost its connection; listeners read the store meanwhile");
    }

    @Override
    public String describe() {
        return "postgres-notify";
    }

    @Override
    protected void stopListening() {
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // ends a getNotifications wait at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
