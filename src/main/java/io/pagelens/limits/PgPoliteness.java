package io.pagelens.limits;

import io.pagelens.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Host slots in PostgreSQL's {@code host_slots} table ({@code V141}): one upsert moves the host's next free slot past
 * this fetch and returns the slot taken, on the database's clock.
 */
public final class PgPoliteness implements Politeness {
    private static final String NOW_MS = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    private final Database db;

    public PgPoliteness(Database db) {
        this.db = db;
    }

    @Override
    public Duration reserve(String host, Duration gap) {
        long waitMs = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_slots AS s (host, next_at) VALUES (?, " + NOW_MS + " + ?) "
                    + "ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(s.next_at, " + NOW_MS + ") + ? "
                    + "RETURNING next_at - ? - " + NOW_MS)) {
                ps.setString(1, host);
                ps.setLong(2, gap.toMillis());
                ps.setLong(3, gap.toMillis());
                ps.setLong(4, gap.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Math.max(0, rs.getLong(1));
                }
            }
        });
        return Duration.ofMillis(waitMs);
    }
}
