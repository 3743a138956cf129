package io.pagelens.limits;

import io.pagelens.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Buckets in PostgreSQL's {@code rate_buckets} table ({@code V140}), shared by every process on the database, for
 * deployments without Redis. One transaction per request: the row is created full, locked ({@code FOR UPDATE}),
 * refilled by the database's own clock (so the processes' clocks need not agree) and updated.
 */
public final class PgRateLimiter implements RateLimiter {
    private static final String NOW_MS = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    private final Database db;

    public PgRateLimiter(Database db) {
        this.db = db;
    }

    @Override
    public Duration take(String key, int perMinute, int burst) {
        double perMilli = perMinute / 60_000.0;
        long waitMs = db.transaction(c -> {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO rate_buckets (bucket, tokens, refilled_at) VALUES (?, ?, "
                    + NOW_MS + ") ON CONFLICT (bucket) DO NOTHING")) {
                ins.setString(1, key);
                ins.setDouble(2, burst);
                ins.executeUpdate();
            }
            double tokens;
            long last;
            long now;
            try (PreparedStatement sel = c.prepareStatement("SELECT tokens, refilled_at, " + NOW_MS + " FROM rate_buckets WHERE bucket = ? FOR UPDATE")) {
                sel.setString(1, key);
                try (ResultSet rs = sel.executeQuery()) {
                    rs.next();
                    tokens = rs.getDouble(1);
                    last = rs.getLong(2);
                    now = rs.getLong(3);
                }
            }
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMilli);
            long wait = 0;
            if (tokens >= 1) tokens -= 1;
            else wait = (long) Math.ceil((1 - tokens) / perMilli);
            try (PreparedStatement up = c.prepareStatement("UPDATE rate_buckets SET tokens = ?, refilled_at = ? WHERE bucket = ?")) {
                up.setDouble(1, tokens);
                up.setLong(2, now);
                up.setString(3, key);
                up.executeUpdate();
            }
            return wait;
        });
        return Duration.ofMillis(waitMs);
    }

    @Override
    public String describe() {
        return "postgres";
    }
}
