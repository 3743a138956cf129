package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.LogCapture;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret reaches a log line at any level: API key tokens (valid, unknown, revoked), the webhook secret, the secret
 * key that seals job secrets, the metrics token, and capture header and cookie values, through a run that uses each
 * (and fails with some). Also: {@code /metrics} with {@code PAGELENS_METRICS_TOKEN} answers only the right token.
 */
class SecretsInLogsIT {
    static final String METRICS_TOKEN = "metrics-token-5f1d0c7e9a2b4c6d";
    static final String HEADER_SECRET = "hdr-secret-8c1e44a0f3";
    static final String COOKIE_SECRET = "cookie-secret-2b9d17e6c5";

    @Test
    void noSecretInAnyLogLine_andMetricsNeedTheirToken() throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        try (LogCapture logs = new LogCapture();
             CorpusServer site = new CorpusServer().route("/hook", ex -> {
                 deliveries.add(ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER));
                 CorpusServer.send(ex, 204, "text/plain", "");
             });
             ApiHarness h = new ApiHarness();
             PagelensServer server = h.start(ApiHarness.settings(Map.of("PAGELENS_METRICS_TOKEN", METRICS_TOKEN)))) {
            ApiKeyStore keys = new ApiKeyStore(h.storage.database(), Clock.systemUTC());
            ApiKeyStore.Created key = keys.create("logged", 6000, "acme", false);
            ApiKeyStore.Created revoked = keys.create("gone", 6000, "acme", false);
            keys.revoke(revoked.key().id());
            String firstKey = server.firstKey().orElseThrow();
            ApiHarness.Client api = h.client(server, key.token());

            String withSecrets = "{\"url\":\"" + site.url("blog/index.html") + "\",\"headers\":{\"Authorization\":\"Bearer " + HEADER_SECRET
                    + "\"},\"cookies\":[{\"name\":\"sid\",\"value\":\"" + COOKIE_SECRET + "\"}],\"webhook\":\"" + site.url("hook") + "\"}";
            JsonNode c = api.json("POST", "/v1/captures", withSecrets, 200);
            api.json("POST", "/v1/captures", withSecrets.replace("blog/index.html", "no/such.html"), 502);
            api.json("POST", "/v1/captures", withSecrets.replace("\"sid\"", "\"bad name\""), 422);
            JsonNode job = api.json("POST", "/v1/captures", withSecrets.substring(0, withSecrets.length() - 1) + ",\"async\":true}", 202);
            api.awaitJob(job.get("id").asText(), Duration.ofSeconds(60));
            assertThat(h.client(server, revoked.token()).send("GET", "/v1/jobs", null).statusCode()).isEqualTo(401);
            assertThat(h.client(server, "pl_" + "0".repeat(64)).send("GET", "/v1/jobs", null).statusCode()).isEqualTo(401);
            assertThat(h.client(server, firstKey).send("GET", "/v1/captures/" + c.get("id").asText(), null).statusCode())
                    .as("another tenant").isEqualTo(404);

            // /metrics: 401 without the token, with a wrong one, and with another key's; 200 with it
            assertThat(h.client(server, null).send("GET", "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(h.client(server, METRICS_TOKEN + "x").send("GET", "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(h.client(server, key.token()).send("GET", "/metrics", null).statusCode()).isEqualTo(401);
            HttpResponse<String> metrics = h.client(server, METRICS_TOKEN).send("GET", "/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);

            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (deliveries.isEmpty() && System.nanoTime() < until) Thread.sleep(50);
            assertThat(deliveries).as("a webhook was signed and sent").isNotEmpty();
            server.close();

            List<String> secrets = new ArrayList<>(List.of(key.token(), revoked.token(), firstKey, "pl_" + "0".repeat(64),
                    ApiHarness.WEBHOOK_SECRET, METRICS_TOKEN, HEADER_SECRET, COOKIE_SECRET));
            secrets.addAll(secretKeyFiles(h.dataDir));
            assertThat(secrets).as("the sealing key was generated").hasSizeGreaterThan(8);
            List<String> lines = logs.lines();
            assertThat(lines).as("the run logged").hasSizeGreaterThan(20);
            for (String s : secrets) {
                assertThat(lines).as("log lines holding a secret").noneMatch(l -> l.contains(s));
            }
        }
    }

    /** The generated secret key (the file's content), which must never be logged either. */
    private static List<String> secretKeyFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().contains("secret")).filter(Files::isRegularFile)
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8).strip();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).filter(v -> v.length() >= 16).toList();
        }
    }
}
