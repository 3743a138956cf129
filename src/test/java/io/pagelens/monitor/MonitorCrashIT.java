package io.pagelens.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseUrl;
import io.pagelens.store.Dialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety. A process killed with SIGKILL after its scheduler enqueued a due run and before any worker ran it: after
 * a restart the run happens, once. Two worker processes on one PostgreSQL database never run one due time twice (each
 * run's page is requested once per run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorCrashIT {
    private CaptureEngine engine;
    private HttpServer site;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws IOException {
        engine = MonitorHarness.newEngine();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        site.createContext("/p", ex -> {
            hits.computeIfAbsent(ex.getRequestURI().getQuery(), k -> new AtomicInteger()).incrementAndGet();
            byte[] b = "<!doctype html><html><body><h1>Watched</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        engine.close();
        site.stop(0);
    }

    private static Process child(DatabaseUrl url, Path out) throws IOException {
        String jdbc = url.jdbcUrl() + (url.dialect() == Dialect.POSTGRES && url.user() != null ? "?user=" + url.user() : "");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx96m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), MonitorChild.class.getName(), jdbc)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static int count(Database db, String sql, String arg) {
        return db.read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @ParameterizedTest(name = "postgres={0}")
    @ValueSource(booleans = {false, true})
    void kill9AfterEnqueue_runHappensOnceAfterRestart(boolean postgres) throws Exception {
        try (MonitorHarness h = new MonitorHarness(postgres, engine)) {
            Database db = h.storage.database();
            String tag = "crash-" + postgres;
            MonitorService svc = new MonitorService(new MonitorStore(db, java.time.Clock.systemUTC()), h.storage, MonitorHarness.FAST);
            Monitor m = svc.create(new MonitorSpec(null, base + "/p?" + tag, null, null, "1h", null, null, null, null, null, null, null,
                    null, null, null), null); // due at once, then not for an hour: one due time in this test

            Path log = h.dataDir.resolve("child.log");
            Process p = child(h.dbUrl, log);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (p.isAlive() && !Files.readString(log).contains("ENQUEUED") && System.nanoTime() < until) Thread.sleep(20);
            assertThat(Files.readString(log)).contains("ENQUEUED 1");
            p.destroyForcibly(); // SIGKILL between the due time's enqueue and its run
            p.waitFor(10, TimeUnit.SECONDS);
            assertThat(count(db, "SELECT COUNT(*) FROM monitor_runs WHERE monitor_id = ? AND state = 'queued'", m.id())).isEqualTo(1);
            assertThat(hits.get(tag)).isNull();

            h.start(MonitorHarness.FAST); // the restart: scheduler and workers
            List<JsonNode> runs = h.awaitRuns(m.id(), r -> !r.isEmpty(), Duration.ofSeconds(30));
            Thread.sleep(1_000); // ten more scheduler ticks: nothing else is due
            assertThat(MonitorHarness.statuses(runs)).containsExactly("new");
            assertThat(count(db, "SELECT COUNT(*) FROM monitor_runs WHERE monitor_id = ?", m.id())).isEqualTo(1);
            assertThat(hits.get(tag).get()).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void twoWorkerProcessesOnPostgres_neverRunOneDueTimeTwice() throws Exception {
        try (MonitorHarness h = new MonitorHarness(true, engine)) {
            h.start(MonitorHarness.FAST).start(MonitorHarness.FAST); // two processes: two schedulers, two worker pools
            Database db = h.storage.database();
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ids.add(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/p?two-" + i + "\",\"interval\":\"500ms\"}", 201).get("id").asText());
            }
            for (String id : ids) h.awaitRuns(id, r -> r.size() >= 3, Duration.ofSeconds(60));
            for (String id : ids) h.json("PATCH", "/v1/monitors/" + id, "{\"enabled\":false}", 200);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // runs enqueued before the pause still run: let them end
            while (count(db, "SELECT COUNT(*) FROM monitor_runs WHERE state IN ('queued', 'running') AND monitor_id <> ?", "") > 0
                    && System.nanoTime() < until) Thread.sleep(50);
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                int done = count(db, "SELECT COUNT(*) FROM monitor_runs WHERE monitor_id = ? AND state = 'done'", id);
                int all = count(db, "SELECT COUNT(*) FROM monitor_runs WHERE monitor_id = ?", id);
                int dueTimes = count(db, "SELECT COUNT(DISTINCT due_at) FROM monitor_runs WHERE monitor_id = ?", id);
                assertThat(dueTimes).isEqualTo(all);
                assertThat(hits.get("two-" + i).get()).as("page requests of monitor " + i).isEqualTo(done).isEqualTo(all);
                assertThat(count(db, "SELECT COUNT(*) FROM jobs WHERE kind = 'monitor.run' AND payload LIKE '%' || ? || '%'", id)).isEqualTo(all);
            }
        }
    }
}
