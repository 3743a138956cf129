package io.pagelens.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.config.Env;
import io.pagelens.egress.EgressGuard;
import io.pagelens.limits.Politeness;
import io.pagelens.observe.MeterNames;
import io.pagelens.redis.RedisSettings;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two web nodes (each with its own pool and limiter, as two processes have) on one PostgreSQL database: a key's
 * token bucket is shared, through Redis or through PostgreSQL, so the key gets its burst once, not once per node.
 * Redis killed mid-test: requests still succeed, answered by each node's own buckets, and the degraded counter rises.
 */
class SharedLimitsIT {
    /** 60/min: a burst of 10 (10 s worth), then one more per second. */
    static final int RATE = 60;
    static final int BURST = 10;

    final TestDatabases dbs = new TestDatabases();
    final List<AutoCloseable> open = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    final Clock clock = Clock.systemUTC();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        dbs.close();
    }

    private record Node(PagelensServer server, SimpleMeterRegistry metrics) {
    }

    private Node node(Database shared, Optional<RedisSettings> redis, String prefix) throws IOException {
        Database db = Database.open(shared.url(), DatabaseSettings.DEFAULTS); // a pool of its own
        open.add(db);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        SharedServices services = SharedServices.of(db, redis, metrics, clock, prefix);
        open.add(services);
        ApiSettings s = ApiSettings.fromEnv(new Env(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1")));
        PagelensServer server = PagelensServer.start(s, PagelensServer.Role.WEB, new PagelensServer.Parts(db, List.of(), List.of(),
                ApiHooks.basic(() -> ""), metrics, clock, EgressGuard.off(), services));
        open.add(server);
        return new Node(server, metrics);
    }

    private int get(Node n, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.server().port() + "/v1/jobs"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** 30 requests alternating between the nodes; how many were granted, checked against the refill over the time taken. */
    private void assertSharedBurst(Node a, Node b, String key) throws Exception {
        int granted = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            int status = get(i % 2 == 0 ? a : b, key);
            assertThat(status).isIn(200, 429);
            if (status == 200) granted++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(granted).as("granted across both nodes in %.1f s", seconds)
                .isGreaterThanOrEqualTo(BURST)
                .isLessThanOrEqualTo(BURST + (int) Math.ceil(seconds * RATE / 60.0) + 1)
                .isLessThan(2 * BURST);
    }

    @Test
    void withoutRedis_postgresSharesTheBucket() throws Exception {
        Database db = dbs.postgres();
        String key = new ApiKeyStore(db, clock).create("shared-pg", RATE).token();
        assertSharedBurst(node(db, Optional.empty(), ""), node(db, Optional.empty(), ""), key);
    }

    @Test
    void withRedis_redisSharesTheBucket() throws Exception {
        Database db = dbs.postgres();
        String key = new ApiKeyStore(db, clock).create("shared-redis", RATE).token();
        Optional<RedisSettings> redis = Optional.of(new RedisSettings(URI.create("redis://127.0.0.1:6379"), true));
        String prefix = "pagelens-test-" + UUID.randomUUID() + ":";
        Node a = node(db, redis, prefix);
        assertSharedBurst(a, node(db, redis, prefix), key);
        assertThat(degraded(a)).as("Redis answered throughout").isZero();
    }

    @Test
    void redisKilledMidTest_requestsStillSucceed_andTheDegradedCounterRises() throws Exception {
        Database db = dbs.postgres();
        String key = new ApiKeyStore(db, clock).create("redis-dies", 6000).token();
        int port = freePort();
        Process redisServer = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Optional<RedisSettings> redis = Optional.of(new RedisSettings(URI.create("redis://127.0.0.1:" + port), true));
            awaitRedis(port);
            Node a = node(db, redis, "");
            Node b = node(db, redis, "");
            for (int i = 0; i < 4; i++) assertThat(get(i % 2 == 0 ? a : b, key)).isEqualTo(200);
            assertThat(degraded(a) + degraded(b)).as("Redis up: nothing degraded").isZero();

            redisServer.destroyForcibly(); // kill -9
            assertThat(redisServer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) assertThat(get(i % 2 == 0 ? a : b, key)).as("request %d with Redis gone", i).isEqualTo(200);
            assertThat(degraded(a)).as("node a counted its local answers").isPositive();
            assertThat(degraded(b)).as("node b counted its local answers").isPositive();
        } finally {
            redisServer.destroyForcibly();
        }
    }

    @Test
    void politenessSlots_areSharedThroughPostgresAndRedis() throws Exception {
        Database db = dbs.postgres();
        for (Optional<RedisSettings> redis : List.of(Optional.<RedisSettings>empty(),
                Optional.of(new RedisSettings(URI.create("redis://127.0.0.1:6379"), true)))) {
            String prefix = "pagelens-test-" + UUID.randomUUID() + ":";
            Politeness one = SharedServices.of(db, redis, new SimpleMeterRegistry(), clock, prefix).politeness();
            Politeness other = SharedServices.of(db, redis, new SimpleMeterRegistry(), clock, prefix).politeness();
            String host = "host-" + UUID.randomUUID() + ".test";
            assertThat(one.reserve(host, Duration.ofSeconds(5))).as("first fetch of a host: now").isZero();
            Duration second = other.reserve(host, Duration.ofSeconds(5));
            assertThat(second).as("another worker's next fetch waits for the gap (%s)", redis.isPresent() ? "redis" : "postgres")
                    .isGreaterThan(Duration.ofSeconds(3)).isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(one.reserve(host, Duration.ofSeconds(5))).as("and the one after that waits for two gaps")
                    .isGreaterThan(Duration.ofSeconds(8));
        }
    }

    private static double degraded(Node n) {
        Counter c = n.metrics().find(MeterNames.REDIS_DEGRADED).tag("use", "ratelimit").counter();
        return c == null ? 0 : c.count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitRedis(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen on " + port);
    }
}
