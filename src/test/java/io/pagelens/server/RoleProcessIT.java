package io.pagelens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.store.DatabaseUrl;
import io.pagelens.store.TestDatabases;
import io.pagelens.testing.ServeChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles as real processes: a web node starts with no Chromium on the machine at all and queues captures for workers;
 * a second {@code serve} on one SQLite data folder is refused with an error naming the holder.
 */
class RoleProcessIT {
    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void webRole_startsWithoutChromium_andQueuesCaptures() throws Exception {
        try (TestDatabases dbs = new TestDatabases();
             ServeChild web = ServeChild.start("web", Map.of("DATABASE_URL", postgresUrl(dbs.createPostgresDatabase()),
                     "CHROME_PATH", dir.resolve("missing/chromium").toString(), "PAGELENS_DATA", dir.resolve("data").toString()),
                     dir.resolve("web.log"))) {
            int port = web.port();
            assertThat(send(port, "GET", "/health/ready", null).statusCode()).as(web.log()).isEqualTo(200);
            HttpResponse<String> r = send(port, "POST", "/v1/captures", "{\"url\":\"http://127.0.0.1:9/\",\"async\":true}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode job = Jackson.MAPPER.readTree(r.body());
            assertThat(job.get("state").asText()).isEqualTo("queued");
            assertThat(web.process().descendants().count()).as("a web node runs no child process (no Chromium)").isZero();
            assertThat(web.log()).doesNotContain("memory governor started").doesNotContain("egress guard on");
        }
    }

    @Test
    void secondServe_onOneSqliteFolder_isRefused_namingTheHolder() throws Exception {
        Map<String, String> env = Map.of("PAGELENS_DATA", dir.resolve("data").toString());
        try (ServeChild first = ServeChild.start("web", env, dir.resolve("first.log"))) {
            first.port();
            try (ServeChild second = ServeChild.start("web", env, dir.resolve("second.log"))) {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).isNotZero();
                assertThat(second.log()).contains("PAGELENS_DATA").contains("in use by another pagelens serve process (pid " + first.pid() + ")")
                        .contains("DATABASE_URL");
            }
            first.process().destroy();
            assertThat(first.awaitExit(Duration.ofSeconds(30))).isZero();
        }
        // the lock goes with its process: the next start on the folder works
        try (ServeChild again = ServeChild.start("web", env, dir.resolve("again.log"))) {
            assertThat(send(again.port(), "GET", "/health/live", null).statusCode()).isEqualTo(200);
        }
    }

    static String postgresUrl(DatabaseUrl u) {
        return u.jdbcUrl() + (u.jdbcUrl().contains("?") ? "&" : "?") + "user=" + u.user();
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
