package io.pagelens.monitor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.jobs.FollowUps;
import io.pagelens.jobs.JobEvents;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobStore;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduling lag of bench/monitors: {@code monitors} monitors of one 60 s interval whose due times are spread evenly
 * over a minute (100 monitors: 100 due per minute), the real {@link MonitorScheduler} ticking at its default 1 s,
 * for {@code seconds}. No captures: the lag measured is fire time to enqueued job (what the scheduler adds; a worker
 * then claims the job at once when one is free). Prints one JSON line. Arguments: JDBC URL (or "sqlite" for a temp
 * file), monitors, seconds.
 */
public final class MonitorLagBench {
    public static void main(String[] args) throws Exception {
        DatabaseUrl url = args[0].equals("sqlite") ? DatabaseUrl.sqlite(Files.createTempDirectory("pagelens-lag-").resolve("pagelens.db"))
                : DatabaseUrl.parse(args[0]);
        int n = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Clock clock = Clock.systemUTC();
        MonitorSettings settings = new MonitorSettings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ZERO, 50);
        try (Database db = Database.open(url, DatabaseSettings.DEFAULTS)) {
            MonitorStore store = new MonitorStore(db, clock);
            MonitorService svc = new MonitorService(store, null, settings);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(svc.create(new MonitorSpec(null, "http://127.0.0.1:9/p" + i, null, null, "60s", null, null, null, null, null, null,
                        null, null, null, null), null).id());
            }
            long start = clock.millis() + 2_000;
            long spacing = 60_000 / n;
            db.transaction(c -> {
                try (var ps = c.prepareStatement("UPDATE monitors SET next_due_at = ?, next_fire_at = ? WHERE id = ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(1, start + i * spacing);
                        ps.setLong(2, start + i * spacing);
                        ps.setString(3, ids.get(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            JobStore js = new JobStore(db, clock);
            JobEvents ev = new JobEvents();
            JobService jobs = new JobService(js, ev, null, new FollowUps(js, ev, List.of(), clock), 50, clock);
            long t0 = System.nanoTime();
            try (MonitorScheduler s = new MonitorScheduler(store, jobs, settings, clock, new SimpleMeterRegistry()).start()) {
                Thread.sleep(Duration.ofSeconds(seconds));
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            List<Long> lags = db.read(c -> {
                List<Long> out = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT enqueued_at - fire_at FROM monitor_runs ORDER BY 1")) {
                    while (rs.next()) out.add(rs.getLong(1));
                }
                return out;
            });
            long dup = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) - COUNT(DISTINCT monitor_id || ':' || due_at) FROM monitor_runs")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            System.out.printf("{\"name\":\"monitor-lag\",\"db\":\"%s\",\"monitors\":%d,\"duePerMin\":%d,\"tickMs\":1000,\"wallS\":%.1f,"
                            + "\"runs\":%d,\"duplicates\":%d,\"lagP50Ms\":%d,\"lagP95Ms\":%d,\"lagMaxMs\":%d}%n",
                    db.dialect().name().toLowerCase(), n, n, wall, lags.size(), dup, pct(lags, 50), pct(lags, 95), pct(lags, 100));
        }
        System.exit(0);
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

}
