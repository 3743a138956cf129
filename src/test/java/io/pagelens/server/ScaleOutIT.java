package io.pagelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.store.Database;
import io.pagelens.store.TestDatabases;
import io.pagelens.store.blob.S3BlobStore;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.ServeChild;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out deployment as real processes on one machine: one web node and two workers ({@code pagelens serve
 * --role ...} child JVMs) on the real PostgreSQL, an S3 server (S3Proxy in this JVM) and the machine's Redis.
 * 50 captures go in through the web node's API; one worker is killed with SIGKILL while it runs captures and then
 * started again. Every capture is stored exactly once, every job succeeds, the restarted worker takes work, and the
 * web node's SSE streams carried progress of jobs that ran on either worker (events over LISTEN/NOTIFY).
 */
class ScaleOutIT {
    static final int JOBS = 50;
    static final String BUCKET = "scaleout";

    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withCredentials("access", "secret").build();
    @TempDir
    Path dir;
    final TestDatabases dbs = new TestDatabases();
    final List<ServeChild> children = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        children.forEach(ServeChild::close);
        dbs.close();
    }

    @Test
    void fiftyCaptures_oneWorkerKilledAndRestarted_allStoredExactlyOnce_andSseFollowsEitherWorker() throws Exception {
        try (S3Client admin = S3BlobStore.client(s3proxy.getUri(), Region.US_EAST_1, true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(s3proxy.getAccessKey(), s3proxy.getSecretKey())))) {
            admin.createBucket(b -> b.bucket(BUCKET));
        }
        Database db = dbs.postgres();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", RoleProcessIT.postgresUrl(db.url()),
                "PAGELENS_S3_BUCKET", BUCKET, "PAGELENS_S3_ENDPOINT", s3proxy.getUri().toString(),
                "AWS_ACCESS_KEY_ID", s3proxy.getAccessKey(), "AWS_SECRET_ACCESS_KEY", s3proxy.getSecretKey(),
                "REDIS_URL", "redis://127.0.0.1:6379", "PAGELENS_SECRET_KEY", Base64.getEncoder().encodeToString(secret),
                "PAGELENS_JOB_LEASE", "3s", "PAGELENS_QUEUE_LIMIT", "200", "PAGELENS_WORKERS", "2"));
        env.put("PAGELENS_JOB_BACKOFF", "100ms");

        try (CorpusServer site = new CorpusServer().route("/page", ex -> {
            CorpusServer.pause(400); // long enough that the kill finds captures in flight
            String q = ex.getRequestURI().getQuery();
            CorpusServer.send(ex, 200, "text/html", "<html><body style='margin:0'><h1>page " + q + "</h1></body></html>");
        })) {
            ServeChild web = start("web", env, "web");
            ServeChild a = start("worker", env, "worker-a");
            ServeChild b = start("worker", env, "worker-b");
            int port = web.port();
            awaitReady(port);

            Map<String, List<String>> sse = new ConcurrentHashMap<>();
            List<String> jobs = new CopyOnWriteArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                String body = "{\"url\":\"" + site.url("page?n=" + i) + "\",\"async\":true,\"projectId\":\"scale\","
                        + "\"viewport\":{\"width\":320,\"height\":200},\"formats\":[\"screenshot\"]}";
                HttpResponse<String> r = send(port, "POST", "/v1/captures", body);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                String id = Jackson.MAPPER.readTree(r.body()).get("id").asText();
                jobs.add(id);
                follow(port, id, sse);
            }

            // kill -9 a worker while it holds running captures, then start it again
            String victimPrefix = "w-" + a.pid() + "-";
            awaitRunningOn(db, victimPrefix, Duration.ofSeconds(60), a);
            a.kill9();
            ServeChild again = start("worker", env, "worker-a-again");

            awaitAllEnded(db, Duration.ofSeconds(90));
            Map<String, JobRow> rows = jobRows(db);
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(jobs);
            assertThat(rows.values()).as("every job succeeded").allMatch(j -> j.state().equals("succeeded"));
            assertThat(rows.values()).as("some job of the killed worker was reaped and ran again").anyMatch(j -> j.attempts() >= 2);

            // exactly once: one capture row per job, one artifact each, no blob referenced twice for one key
            Set<String> captureIds = rows.values().stream().map(JobRow::captureId).collect(Collectors.toSet());
            assertThat(captureIds).hasSize(JOBS);
            assertThat(count(db, "SELECT COUNT(*) FROM captures")).as("capture rows").isEqualTo(JOBS);
            assertThat(count(db, "SELECT COUNT(*) FROM capture_heads")).as("one head per capture key").isEqualTo(JOBS);
            assertThat(count(db, "SELECT COUNT(*) FROM capture_artifacts")).as("one screenshot per capture").isEqualTo(JOBS);
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT c.page_id, a.blob_sha256 FROM capture_artifacts a JOIN captures c "
                    + "ON c.id = a.capture_id GROUP BY c.page_id, a.blob_sha256 HAVING COUNT(*) > 1) d")).as("a blob referenced twice for one key").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM capture_artifacts a LEFT JOIN blobs b ON b.sha256 = a.blob_sha256 WHERE b.sha256 IS NULL"))
                    .isZero();

            Map<String, List<String>> byWorker = rows.values().stream().collect(Collectors.groupingBy(j -> pidOf(j.worker()),
                    Collectors.mapping(JobRow::id, Collectors.toList())));
            assertThat(byWorker).as("jobs by the process that finished them").containsKeys(Long.toString(b.pid()), Long.toString(again.pid()));
            for (String pid : List.of(Long.toString(b.pid()), Long.toString(again.pid()))) {
                assertThat(byWorker.get(pid)).as("SSE on the web node showed progress of a job of worker %s", pid)
                        .anyMatch(id -> awaitSse(sse, id).stream().anyMatch(l -> l.equals("event: progress")));
            }
            for (String id : jobs) {
                assertThat(awaitSse(sse, id)).as("SSE of %s ends with its success", id).contains("event: succeeded");
            }
        }
    }

    private ServeChild start(String role, Map<String, String> env, String name) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("PAGELENS_DATA", dir.resolve(name).toString());
        ServeChild c = ServeChild.start(role, e, dir.resolve(name + ".log"));
        children.add(c);
        return c;
    }

    /** Reads the job's SSE stream on the web node into {@code sse} until it ends. */
    private void follow(int port, String id, Map<String, List<String>> sse) {
        List<String> lines = new CopyOnWriteArrayList<>();
        sse.put(id, lines);
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/jobs/" + id + "/events"))
                        .timeout(Duration.ofSeconds(150)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> r.body().forEach(lines::add));
    }

    private static List<String> awaitSse(Map<String, List<String>> sse, String id) {
        List<String> lines = sse.get(id);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!lines.contains("event: succeeded") && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return lines;
    }

    private static String pidOf(String worker) {
        return worker == null ? "?" : worker.split("-")[1]; // w-PID-uuid-N
    }

    record JobRow(String id, String state, int attempts, String worker, String captureId) {
    }

    private static Map<String, JobRow> jobRows(Database db) {
        return db.read(c -> {
            Map<String, JobRow> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state, attempts, worker, result FROM jobs WHERE kind = 'capture'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String result = rs.getString(5);
                    String capture = null;
                    if (result != null) {
                        try {
                            JsonNode n = Jackson.LENIENT.readTree(result);
                            capture = n.path("captureId").asText(null);
                        } catch (java.io.IOException e) {
                            throw new AssertionError(e);
                        }
                    }
                    m.put(rs.getString(1), new JobRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), capture));
                }
            }
            return m;
        });
    }

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void awaitRunningOn(Database db, String workerPrefix, Duration max, ServeChild worker) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            int running = count(db, "SELECT COUNT(*) FROM jobs WHERE state = 'running' AND worker LIKE '" + workerPrefix + "%'");
            int done = count(db, "SELECT COUNT(*) FROM jobs WHERE state = 'succeeded'");
            if (running > 0 && done >= 5) return;
            Thread.sleep(20);
        }
        throw new AssertionError("worker " + workerPrefix + " never ran a capture; its log:\n" + worker.log());
    }

    private void awaitAllEnded(Database db, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            if (count(db, "SELECT COUNT(*) FROM jobs WHERE kind = 'capture' AND state NOT IN ('succeeded', 'failed', 'cancelled')") == 0) return;
            Thread.sleep(200);
        }
        throw new AssertionError("jobs still open after " + max + ": " + jobRows(db).values().stream().filter(j -> !j.state().equals("succeeded"))
                .toList() + "\nlogs:\n" + children.stream().map(c -> c.logFile() + ":\n" + tail(c.log())).collect(Collectors.joining("\n")));
    }

    private static String tail(String log) {
        return log.length() > 3000 ? log.substring(log.length() - 3000) : log;
    }

    private void awaitReady(int port) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            if (send(port, "GET", "/health/ready", null).statusCode() == 200) return;
            Thread.sleep(100);
        }
        throw new AssertionError("web node not ready");
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
