package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.json.Jackson;
import io.pagelens.server.PagelensServer;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API end to end: a real HTTP client against a running server with real Chromium, the store on SQLite,
 * and the corpus site plus a few test routes (slow page, webhook receiver).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {
    CorpusServer site;
    ApiHarness harness;
    PagelensServer server;
    ApiHarness.Client api;
    final List<Map<String, String>> webhookCalls = new CopyOnWriteArrayList<>();
    final AtomicInteger webhookFailuresLeft = new AtomicInteger();
    final AtomicInteger countedRequests = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer()
                .route("/slow", ex -> {
                    String q = ex.getRequestURI().getQuery();
                    long ms = q != null && q.startsWith("ms=") ? Long.parseLong(q.substring(3)) : 5000;
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    CorpusServer.send(ex, 200, "text/html", "<html><body><h1>slow page</h1></body></html>");
                })
                .route("/counted", ex -> {
                    countedRequests.incrementAndGet();
                    CorpusServer.send(ex, 200, "text/html", "<html><body><h1>counted</h1></body></html>");
                })
                .route("/hook", ex -> {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    webhookCalls.add(Map.of("body", body,
                            "sig", String.valueOf(ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER)),
                            "ts", String.valueOf(ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER))));
                    CorpusServer.send(ex, webhookFailuresLeft.getAndDecrement() > 0 ? 500 : 204, "text/plain", "");
                });
        harness = new ApiHarness();
        server = harness.start(ApiHarness.settings(Map.of()));
        assertThat(server.firstKey()).as("the first start of a keyed server creates a key").isPresent();
        api = harness.client(server, server.firstKey().orElseThrow());
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (harness != null) harness.close();
        if (site != null) site.close();
    }

    private String body(String path, String extra) {
        return "{\"url\":\"" + site.url(path) + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @Test
    void syncCapture_returnsTheStoredRecord_andStreamsItsArtifacts() throws Exception {
        JsonNode c = api.json("POST", "/v1/captures", body("blog/index.html", "\"formats\":[\"screenshot\",\"html\",\"markdown\"],\"projectId\":\"e2e\",\"pageType\":\"home\""), 200);
        assertThat(c.get("id").asText()).startsWith("cap_");
        assertThat(c.get("project").asText()).isEqualTo("e2e");
        assertThat(c.get("jobId").asText()).startsWith("job_");
        assertThat(c.get("artifacts")).hasSize(3);

        String shot = "/v1/captures/" + c.get("id").asText() + "/screenshot";
        HttpResponse<byte[]> png = api.bytes(shot, Map.of());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        String etag = png.headers().firstValue("ETag").orElseThrow();

        assertThat(api.bytes(shot, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> part = api.bytes(shot, Map.of("Range", "bytes=0-99"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100).isEqualTo(java.util.Arrays.copyOf(png.body(), 100));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + png.body().length);
        assertThat(api.bytes(shot, Map.of("Range", "bytes=999999999-")).statusCode()).isEqualTo(416);

        HttpResponse<byte[]> md = api.bytes("/v1/captures/" + c.get("id").asText() + "/markdown", Map.of());
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(new String(md.body(), StandardCharsets.UTF_8)).isNotBlank();
        assertThat(api.bytes("/v1/captures/" + c.get("id").asText() + "/pdf", Map.of()).statusCode()).isEqualTo(404);

        JsonNode again = api.json("GET", "/v1/captures/" + c.get("id").asText(), null, 200);
        assertThat(again.get("url").asText()).isEqualTo(c.get("url").asText());
        JsonNode history = api.json("GET", "/v1/projects/e2e/captures?history=true", null, 200);
        assertThat(history.get("items").findValuesAsText("id")).contains(c.get("id").asText());
        assertThat(api.json("GET", "/v1/projects/e2e/pages", null, 200).get("items")).isNotEmpty();
    }

    @Test
    void links_readBackOverTheApi_inlineAndOnTheirOwnRoute() throws Exception {
        JsonNode c = api.json("POST", "/v1/captures", body("blog/index.html", "\"formats\":[\"links\",\"metadata\"],\"projectId\":\"links\""), 200);
        String id = c.get("id").asText();
        assertThat(c.get("pageLinks").findValuesAsText("url")).anyMatch(u -> u.endsWith("about.html"));
        assertThat(c.get("links").get("pageLinks").asText()).isEqualTo("/v1/captures/" + id + "/links");
        JsonNode links = api.json("GET", "/v1/captures/" + id + "/links", null, 200);
        assertThat(links.get("captureId").asText()).isEqualTo(id);
        assertThat(links.get("count").asInt()).isEqualTo(links.get("links").size()).isEqualTo(c.get("pageLinks").size()).isPositive();
        assertThat(api.json("GET", "/v1/captures/" + id, null, 200).get("pageLinks")).isEqualTo(c.get("pageLinks"));
        for (JsonNode a : c.get("artifacts")) assertThat(a.get("url").asText()).as(a.toString()).startsWith("/v1/captures/" + id + "/");
        assertThat(api.bytes("/v1/captures/" + id + "/metadata", Map.of()).statusCode()).isEqualTo(200);
        // a capture without links says so, and lists never carry them inline
        JsonNode shot = api.json("POST", "/v1/captures", body("blog/about.html", "\"projectId\":\"links\""), 200);
        assertThat(shot.has("pageLinks")).isFalse();
        assertThat(api.json("GET", "/v1/captures/" + shot.get("id").asText() + "/links", null, 404).get("message").asText()).contains("links");
        for (JsonNode item : api.json("GET", "/v1/projects/links/captures", null, 200).get("items")) assertThat(item.has("pageLinks")).isFalse();
    }

    @Test
    void delete_removesTheRecord_thenGcFreesItsBlobs_andThePreviousVersionIsCurrentAgain() throws Exception {
        try (ApiHarness own = new ApiHarness(harness.engine, false, new io.pagelens.store.StorageSettings(10, null, Duration.ZERO, Duration.ofHours(1)));
             PagelensServer s = own.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = own.client(s, null);
            String req = body("blog/contact.html", "\"formats\":[\"screenshot\",\"html\"],\"projectId\":\"del\"");
            JsonNode v1 = c.json("POST", "/v1/captures", req, 200);
            JsonNode v2 = c.json("POST", "/v1/captures", req.replace("contact.html", "contact.html?v=2"), 200);
            JsonNode v3 = c.json("POST", "/v1/captures", req, 200);
            assertThat(v3.get("version").asInt()).isEqualTo(2);
            java.nio.file.Path blobs = own.dataDir.resolve("blobs");
            long filesBefore = countFiles(blobs);

            assertThat(c.send("DELETE", "/v1/captures/" + v3.get("id").asText(), null).statusCode()).isEqualTo(204);
            c.json("GET", "/v1/captures/" + v3.get("id").asText(), null, 404);
            c.json("DELETE", "/v1/captures/" + v3.get("id").asText(), null, 404);
            JsonNode back = c.json("GET", "/v1/captures/" + v1.get("id").asText(), null, 200);
            assertThat(back.get("current").asBoolean()).as("the previous version is current again").isTrue();

            // v3's screenshot may equal v1's (same page): only blobs no capture references go
            own.storage.collectGarbage();
            assertThat(c.bytes("/v1/captures/" + v1.get("id").asText() + "/screenshot", Map.of()).statusCode()).isEqualTo(200);
            for (JsonNode v : List.of(v1, v2)) assertThat(c.send("DELETE", "/v1/captures/" + v.get("id").asText(), null).statusCode()).isEqualTo(204);
            io.pagelens.store.GcReport gc = own.storage.collectGarbage();
            assertThat(gc.deleted()).isPositive();
            assertThat(gc.bytesFreed()).isPositive();
            assertThat(countFiles(blobs)).isLessThan(filesBefore).isZero();
        }
    }

    private static long countFiles(java.nio.file.Path dir) throws java.io.IOException {
        try (var s = java.nio.file.Files.walk(dir)) {
            return s.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    void jobs_listNewestFirst_byState_aPageAtATime_andOnlyTheCallersOwn() throws Exception {
        String other = new io.pagelens.api.auth.ApiKeyStore(harness.storage.database(), Clock.systemUTC()).create("other", 6000).token();
        ApiHarness.Client them = harness.client(server, other);
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(api.json("POST", "/v1/captures", body("blog/post.html", "\"async\":true,\"projectId\":\"jobs" + i + "\""), 202).get("id").asText());
        }
        String theirs = them.json("POST", "/v1/captures", body("blog/post.html", "\"async\":true"), 202).get("id").asText();
        for (String id : mine) api.awaitJob(id, Duration.ofSeconds(60));
        them.awaitJob(theirs, Duration.ofSeconds(60));

        JsonNode first = api.json("GET", "/v1/jobs?state=succeeded&limit=2", null, 200);
        assertThat(first.get("items")).hasSize(2);
        List<String> seen = new ArrayList<>(first.get("items").findValuesAsText("id"));
        String cursor = first.get("nextCursor").asText();
        while (cursor != null && !cursor.isEmpty()) {
            JsonNode page = api.json("GET", "/v1/jobs?state=succeeded&limit=2&after=" + cursor, null, 200);
            seen.addAll(page.get("items").findValuesAsText("id"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        }
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine.get(2), mine.get(1), mine.get(0)).doesNotContain(theirs);
        assertThat(them.json("GET", "/v1/jobs", null, 200).get("items").findValuesAsText("id")).contains(theirs).doesNotContainAnyElementsOf(mine);
        assertThat(api.json("GET", "/v1/jobs?state=queued,running", null, 200).get("items").findValuesAsText("id")).doesNotContainAnyElementsOf(mine);
        assertThat(api.json("GET", "/v1/jobs?state=done", null, 422).get("field").asText()).isEqualTo("state");
        assertThat(api.json("GET", "/v1/jobs?after=nonsense", null, 422).get("field").asText()).isEqualTo("after");
    }

    @Test
    void maxAge_answersFromTheStore_withoutANewCapture() throws Exception {
        String req = body("blog/about.html", "\"projectId\":\"cache\"");
        JsonNode first = api.json("POST", "/v1/captures", req, 200);
        JsonNode cached = api.json("POST", "/v1/captures", body("blog/about.html", "\"projectId\":\"cache\",\"maxAge\":600000"), 200);
        assertThat(cached.get("cached").asBoolean()).isTrue();
        assertThat(cached.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(cached.has("jobId")).as("no job ran").isFalse();
    }

    @Test
    void asyncCapture_streamsProgressAsServerSentEvents() throws Exception {
        HttpResponse<String> accepted = api.send("POST", "/v1/captures", body("slow", "\"async\":true").replace("/slow\"", "/slow?ms=800\""));
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = Jackson.MAPPER.readTree(accepted.body());
        assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/jobs/" + job.get("id").asText());

        HttpResponse<java.io.InputStream> sse = harness.http.send(api.request("/v1/jobs/" + job.get("id").asText() + "/events").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> events = new ArrayList<>();
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) events.add(line.substring(7));
                if (line.startsWith("data: ")) last = line.substring(6);
            }
        }
        assertThat(events.getFirst()).isEqualTo("state");
        assertThat(events.getLast()).isEqualTo("succeeded");
        assertThat(events).contains("progress");
        JsonNode done = Jackson.MAPPER.readTree(last);
        assertThat(done.get("links").get("capture").asText()).startsWith("/v1/captures/cap_");
    }

    @Test
    void webhook_isSignedAndRetriedUntilTheReceiverAccepts() throws Exception {
        webhookCalls.clear();
        webhookFailuresLeft.set(1);
        JsonNode job = api.json("POST", "/v1/captures", body("blog/index.html", "\"async\":true,\"webhook\":\"" + site.url("hook") + "\""), 202);
        api.awaitJob(job.get("id").asText(), Duration.ofSeconds(60));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (webhookCalls.size() < 2 && System.nanoTime() < until) Thread.sleep(100);
        assertThat(webhookCalls).as("one failed delivery, then the retry").hasSize(2);
        WebhookSigner signer = new WebhookSigner(ApiHarness.WEBHOOK_SECRET);
        for (Map<String, String> call : webhookCalls) {
            assertThat(signer.verify(Long.parseLong(call.get("ts")), call.get("body"), call.get("sig"))).isTrue();
            assertThat(new WebhookSigner("another-secret-0123456789").verify(Long.parseLong(call.get("ts")), call.get("body"), call.get("sig"))).isFalse();
        }
        JsonNode payload = Jackson.MAPPER.readTree(webhookCalls.getLast().get("body"));
        assertThat(payload.get("event").asText()).isEqualTo("capture.succeeded");
        assertThat(payload.get("jobId").asText()).isEqualTo(job.get("id").asText());
        assertThat(payload.get("captureId").asText()).startsWith("cap_");
    }

    @Test
    void webhook_isSentForJobsCancelledWhileQueuedOrRunning() throws Exception {
        webhookCalls.clear();
        webhookFailuresLeft.set(0);
        String hook = ",\"webhook\":\"" + site.url("hook") + "\"";
        try (ApiHarness own = new ApiHarness(harness.engine);
             PagelensServer one = own.start(ApiHarness.settings(Map.of("PAGELENS_WORKERS", "1", "PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = own.client(one, null);
            String running = c.json("POST", "/v1/captures", body("slow", "\"async\":true,\"timeout\":60000" + hook)
                    .replace("/slow\"", "/slow?ms=30000\""), 202).get("id").asText();
            c.awaitState(running, "running", Duration.ofSeconds(20));
            // the only worker is busy, so this one stays queued
            String queued = c.json("POST", "/v1/captures", body("blog/index.html", "\"async\":true" + hook), 202).get("id").asText();
            assertThat(c.json("DELETE", "/v1/jobs/" + queued, null, 202).get("state").asText()).isEqualTo("cancelled");
            c.json("DELETE", "/v1/jobs/" + running, null, 202);
            assertThat(c.awaitJob(running, Duration.ofSeconds(20)).get("state").asText()).isEqualTo("cancelled");

            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (webhookCalls.size() < 2 && System.nanoTime() < until) Thread.sleep(100);
            Thread.sleep(300); // a duplicate delivery would show up here
            Map<String, String> events = new java.util.HashMap<>();
            for (Map<String, String> call : webhookCalls) {
                JsonNode p = Jackson.MAPPER.readTree(call.get("body"));
                assertThat(events.put(p.get("jobId").asText(), p.get("event").asText())).as("one delivery per job").isNull();
                assertThat(p.get("error").get("code").asText()).isEqualTo("cancelled");
            }
            assertThat(events).containsExactlyInAnyOrderEntriesOf(Map.of(queued, "capture.cancelled", running, "capture.cancelled"));
        }
    }

    @Test
    void webhook_thatIsNotHttpOrHasCredentials_isRefusedBeforeAnyJob() throws Exception {
        for (String bad : List.of("ftp://127.0.0.1/hook", "file:///tmp/hook", "http://user:secret@127.0.0.1/hook")) {
            JsonNode err = api.json("POST", "/v1/captures", body("blog/index.html", "\"async\":true,\"webhook\":\"" + bad + "\""), 422);
            assertThat(err.get("code").asText()).isEqualTo("invalid_value");
            assertThat(err.get("field").asText()).as(bad).isEqualTo("webhook");
        }
        JsonNode creds = api.json("POST", "/v1/captures", body("blog/index.html", "\"webhook\":\"https://u:p@127.0.0.1/hook\""), 422);
        assertThat(creds.get("message").asText()).contains("credentials").doesNotContain("u:p@");
    }

    @Test
    void webhook_withoutASecretConfigured_isRefused() throws Exception {
        try (PagelensServer plain = harness.start(ApiHarness.settings(Map.of("PAGELENS_WEBHOOK_SECRET", "", "PAGELENS_AUTH", "none")))) {
            JsonNode err = harness.client(plain, null).json("POST", "/v1/captures", body("blog/index.html", "\"webhook\":\"" + site.url("hook") + "\""), 422);
            assertThat(err.get("field").asText()).isEqualTo("webhook");
        }
    }

    @Test
    void cancel_stopsARunningCapture() throws Exception {
        JsonNode job = api.json("POST", "/v1/captures", body("slow", "\"async\":true,\"timeout\":60000").replace("/slow\"", "/slow?ms=30000\""), 202);
        String id = job.get("id").asText();
        api.awaitState(id, "running", Duration.ofSeconds(20));
        JsonNode cancelling = api.json("DELETE", "/v1/jobs/" + id, null, 202);
        assertThat(cancelling.get("cancelRequested").asBoolean()).isTrue();
        JsonNode done = api.awaitJob(id, Duration.ofSeconds(20));
        assertThat(done.get("state").asText()).isEqualTo("cancelled");
        api.json("DELETE", "/v1/jobs/" + id, null, 409);
    }

    @Test
    void flood_getsA429WithRetryAfter_onceTheQueueIsFull() throws Exception {
        try (ApiHarness own = new ApiHarness(harness.engine);
             PagelensServer small = own.start(ApiHarness.settings(Map.of("PAGELENS_QUEUE_LIMIT", "3", "PAGELENS_WORKERS", "1", "PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = own.client(small, null);
            List<String> accepted = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < 20 && refused == null; i++) {
                HttpResponse<String> r = c.send("POST", "/v1/captures", body("slow", "\"async\":true,\"priority\":\"crawl\"").replace("/slow\"", "/slow?ms=20000&n=" + i + "\""));
                if (r.statusCode() == 202) accepted.add(Jackson.MAPPER.readTree(r.body()).get("id").asText());
                else refused = r;
            }
            assertThat(refused).as("a 429 within 20 submissions").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(Jackson.MAPPER.readTree(refused.body()).get("code").asText()).isEqualTo("queue_full");
            // 3 queued, plus the one the worker took if it claimed it before the queue filled
            assertThat(accepted.size()).isBetween(3, 4);
            for (String id : accepted) c.send("DELETE", "/v1/jobs/" + id, null);
        }
    }

    @Test
    void syncRequest_stuckInTheQueue_getsA503AfterItsDeadline() throws Exception {
        try (ApiHarness own = new ApiHarness(harness.engine);
             PagelensServer one = own.start(ApiHarness.settings(Map.of("PAGELENS_WORKERS", "1", "PAGELENS_REQUEST_DEADLINE", "2s", "PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = own.client(one, null);
            JsonNode blocker = c.json("POST", "/v1/captures", body("slow", "\"async\":true,\"priority\":\"interactive\",\"timeout\":60000").replace("/slow\"", "/slow?ms=15000\""), 202);
            c.awaitState(blocker.get("id").asText(), "running", Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            HttpResponse<String> r = c.send("POST", "/v1/captures", body("blog/index.html", ""));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(Jackson.MAPPER.readTree(r.body()).get("code").asText()).isEqualTo("deadline_exceeded");
            assertThat(Jackson.MAPPER.readTree(r.body()).get("message").asText()).contains("request deadline").contains("async");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
            c.send("DELETE", "/v1/jobs/" + blocker.get("id").asText(), null);
        }
    }

    @Test
    void requestWithA2sDeadline_behindALongCapture_endsWithinItsDeadline_andNothingIsCapturedAfterwards() throws Exception {
        try (ApiHarness own = new ApiHarness(harness.engine);
             PagelensServer one = own.start(ApiHarness.settings(Map.of("PAGELENS_WORKERS", "1", "PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = own.client(one, null);
            JsonNode blocker = c.json("POST", "/v1/captures", body("slow", "\"async\":true,\"timeout\":60000").replace("/slow\"", "/slow?ms=4000\""), 202);
            c.awaitState(blocker.get("id").asText(), "running", Duration.ofSeconds(30));
            int before = countedRequests.get();
            long t0 = System.nanoTime();
            HttpResponse<String> r = c.send("POST", "/v1/captures", body("counted", "\"deadline\":2000,\"projectId\":\"late\""));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.println("measured: a request with a 2 s deadline behind a long capture answered " + r.statusCode() + " after "
                    + took.toMillis() + " ms");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            JsonNode err = Jackson.MAPPER.readTree(r.body());
            assertThat(err.get("code").asText()).isEqualTo("deadline_exceeded");
            assertThat(err.get("message").asText()).contains("2000 ms request deadline").contains("nothing was stored");
            assertThat(took).as("2 s plus a small margin").isLessThan(Duration.ofMillis(2000 + 1500));

            assertThat(c.awaitJob(blocker.get("id").asText(), Duration.ofSeconds(60)).get("state").asText()).isEqualTo("succeeded");
            Thread.sleep(1500); // a worker that wrongly ran the late job would have done so by now
            assertThat(countedRequests.get()).as("the late request never reached the page").isEqualTo(before);
            assertThat(own.storage.project("late")).as("nothing stored for it").isEmpty();
            JsonNode jobs = c.json("GET", "/v1/jobs?state=cancelled", null, 200);
            assertThat(jobs.get("items")).hasSize(1);
        }
    }

    @Test
    void restartDuringAJob_theJobCompletesInTheNextServer() throws Exception {
        try (ApiHarness own = new ApiHarness(harness.engine)) {
            restartDuringAJob(own);
        }
    }

    private void restartDuringAJob(ApiHarness own) throws Exception {
        PagelensServer first = own.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")));
        ApiHarness.Client c1 = own.client(first, null);
        JsonNode job = c1.json("POST", "/v1/captures", body("slow", "\"async\":true,\"priority\":\"interactive\"").replace("/slow\"", "/slow?ms=3000\""), 202);
        String id = job.get("id").asText();
        c1.awaitState(id, "running", Duration.ofSeconds(30));
        first.crash(); // as kill -9: the job stays 'running' under a lease nobody renews

        try (PagelensServer second = own.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")))) {
            JsonNode done = own.client(second, null).awaitJob(id, Duration.ofSeconds(60));
            assertThat(done.get("state").asText()).isEqualTo("succeeded");
            assertThat(done.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void webAndWorkerRoles_shareTheQueueOnPostgres() throws Exception {
        try (ApiHarness pg = new ApiHarness(harness.engine, true);
             PagelensServer web = pg.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")), PagelensServer.Role.WEB);
             PagelensServer worker = pg.start(ApiHarness.settings(Map.of()), PagelensServer.Role.WORKER)) {
            ApiHarness.Client c = pg.client(web, null);
            JsonNode done = c.json("POST", "/v1/captures", body("blog/index.html", "\"projectId\":\"split\""), 200);
            assertThat(done.get("id").asText()).startsWith("cap_");
            assertThat(c.json("GET", "/v1/status", null, 200).get("queue").has("workers")).as("the web process runs no workers").isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(worker::port).hasMessageContaining("role worker");
        }
    }

    @Test
    void auth_refusesMissingUnknownAndRevokedKeys_andRateLimitsPerKey() throws Exception {
        ApiHarness.Client none = harness.client(server, null);
        assertThat(none.send("GET", "/v1/status", null).statusCode()).isEqualTo(401);
        assertThat(harness.client(server, "pl_nope").send("GET", "/v1/status", null).statusCode()).isEqualTo(401);
        assertThat(none.send("GET", "/health/live", null).statusCode()).isEqualTo(200);

        ApiKeyStore keys = new ApiKeyStore(harness.storage.database(), Clock.systemUTC());
        ApiKeyStore.Created revoked = keys.create("to-revoke", 100);
        keys.revoke(revoked.key().id());
        HttpResponse<String> r = harness.client(server, revoked.token()).send("GET", "/v1/status", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Jackson.MAPPER.readTree(r.body()).get("message").asText()).contains("revoked");

        ApiHarness.Client slow = harness.client(server, keys.create("one-per-minute", 1).token());
        assertThat(slow.send("GET", "/v1/status", null).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = slow.send("GET", "/v1/status", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void jobsOfAnotherKey_areNotVisible() throws Exception {
        JsonNode job = api.json("POST", "/v1/captures", body("blog/index.html", "\"async\":true"), 202);
        ApiHarness.Client other = harness.client(server, new ApiKeyStore(harness.storage.database(), Clock.systemUTC()).create("other", 600).token());
        assertThat(other.send("GET", "/v1/jobs/" + job.get("id").asText(), null).statusCode()).isEqualTo(404);
        api.awaitJob(job.get("id").asText(), Duration.ofSeconds(60));
    }

    @Test
    void badInput_isRefusedWithTheField_andNothingIsStored() throws Exception {
        int projectsBefore = api.json("GET", "/v1/projects", null, 200).get("items").size();
        JsonNode unknown = api.json("POST", "/v1/captures", "{\"url\":\"" + site.url("blog/index.html") + "\",\"fullpage\":true,\"projectId\":\"never\"}", 400);
        assertThat(unknown.get("field").asText()).isEqualTo("fullpage");
        JsonNode range = api.json("POST", "/v1/captures", body("blog/index.html", "\"quality\":101,\"format\":\"jpeg\",\"projectId\":\"never\""), 422);
        assertThat(range.get("field").asText()).isEqualTo("quality");
        JsonNode url = api.json("POST", "/v1/captures", "{\"url\":\"ftp://example.com/\"}", 422);
        assertThat(url.get("field").asText()).isEqualTo("url");
        JsonNode project = api.json("POST", "/v1/captures", body("blog/index.html", "\"projectId\":\"no spaces allowed\""), 422);
        assertThat(project.get("field").asText()).isEqualTo("projectId");
        api.json("POST", "/v1/captures", "{\"url\":", 400);
        api.json("POST", "/v1/captures", "{\"url\":\"" + site.url("x") + "\",\"userAgent\":\"" + "a".repeat(300_000) + "\"}", 413);
        assertThat(api.json("GET", "/v1/projects", null, 200).get("items").size()).isEqualTo(projectsBefore);
        api.json("GET", "/v1/projects/never/pages", null, 404);
    }

    @Test
    void statusHealthAndDocs_answer() throws Exception {
        JsonNode status = api.json("GET", "/v1/status", null, 200);
        assertThat(status.get("queue").has("queued")).isTrue();
        assertThat(status.has("memory")).isTrue();
        assertThat(api.json("GET", "/health/ready", null, 200).get("ready").asBoolean()).isTrue();
        assertThat(harness.client(server, null).send("GET", "/docs", null).body()).contains("pagelens API");
        assertThat(harness.client(server, null).send("GET", "/metrics", null).statusCode()).isEqualTo(200);
        JsonNode created = api.json("POST", "/v1/projects", "{\"name\":\"made-by-api\",\"keepVersions\":2}", 201);
        assertThat(created.get("keepVersions").asInt()).isEqualTo(2);
        api.json("POST", "/v1/projects", "{\"name\":\"made-by-api\"}", 409);
    }
}
