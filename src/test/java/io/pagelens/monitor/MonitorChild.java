package io.pagelens.monitor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.jobs.FollowUps;
import io.pagelens.jobs.JobEvents;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobStore;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Child process of {@link MonitorCrashIT}: a process whose scheduler enqueues due runs and whose workers have not
 * run them yet when the parent kills it with SIGKILL. Arguments: JDBC URL (user as {@code ?user=}). Prints
 * {@code ENQUEUED n} after each tick that enqueued something, then keeps ticking until killed.
 */
public final class MonitorChild {
    public static void main(String[] args) throws Exception {
        Database db = Database.open(DatabaseUrl.parse(args[0]), DatabaseSettings.DEFAULTS);
        Clock clock = Clock.systemUTC();
        JobStore js = new JobStore(db, clock);
        JobEvents ev = new JobEvents();
        JobService jobs = new JobService(js, ev, null, new FollowUps(js, ev, List.of(), clock), 50, clock);
        MonitorScheduler s = new MonitorScheduler(new MonitorStore(db, clock), jobs, MonitorHarness.FAST, clock, new SimpleMeterRegistry());
        while (true) {
            int n = s.tick();
            if (n > 0) System.out.println("ENQUEUED " + n);
            System.out.flush();
            Thread.sleep(Duration.ofMillis(50));
        }
    }
}
