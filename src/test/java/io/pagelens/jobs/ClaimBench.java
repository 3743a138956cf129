package io.pagelens.jobs;

import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The claim benchmark's measured part, run by {@code bench/claims}: N queued jobs inserted in one statement, then C
 * claimers (threads, each a worker name of its own, one pool connection each) claim and complete through
 * {@link JobStore} until the queue is empty. Prints one JSON line.
 * <pre>java ... io.pagelens.jobs.ClaimBench JDBC_URL USER JOBS CLAIMERS</pre>
 */
public final class ClaimBench {
    private ClaimBench() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseUrl url = new DatabaseUrl(io.pagelens.store.Dialect.POSTGRES, args[0], args[1], null);
        int jobs = Integer.parseInt(args[2]);
        int claimers = Integer.parseInt(args[3]);
        DatabaseSettings d = DatabaseSettings.DEFAULTS;
        DatabaseSettings s = new DatabaseSettings(claimers, d.connectionTimeout(), d.statementTimeout(), d.idleInTransaction(),
                d.sqliteReaders(), d.busyTimeout());
        try (Database db = Database.open(url, s)) {
            long now = System.currentTimeMillis();
            long t0 = System.nanoTime();
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, kind, state, priority, payload, attempts, max_attempts, "
                        + "run_at, created_at, updated_at) SELECT 'job_bench_' || lpad(g::text, 8, '0'), 'bench', 'queued', (g % 3) * 10, '{}', 0, 3, "
                        + "? + g, ? + g, ? + g FROM generate_series(1, ?) g")) {
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setInt(4, jobs);
                    return ps.executeUpdate();
                }
            });
            db.transaction(c -> c.createStatement().execute("ANALYZE jobs"));
            double insertS = (System.nanoTime() - t0) / 1e9;
            JobStore store = new JobStore(db, Clock.offset(Clock.systemUTC(), Duration.ofDays(1))); // every job is due
            AtomicLong done = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < claimers; i++) {
                String worker = "bench-" + i;
                threads.add(Thread.ofPlatform().start(() -> {
                    while (true) {
                        Optional<Job> j = store.claim(worker, Duration.ofMinutes(5));
                        if (j.isEmpty()) return;
                        if (!store.succeed(j.get(), "{}")) throw new IllegalStateException("lost " + j.get().id());
                        done.incrementAndGet();
                    }
                }));
            }
            for (Thread t : threads) t.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            int left = store.queued();
            System.out.printf("{\"name\":\"claims\",\"jobs\":%d,\"claimers\":%d,\"completed\":%d,\"left\":%d,\"insertS\":%.1f,\"seconds\":%.1f,\"claimsPerS\":%.0f}%n",
                    jobs, claimers, done.get(), left, insertS, seconds, done.get() / seconds);
        }
    }
}
