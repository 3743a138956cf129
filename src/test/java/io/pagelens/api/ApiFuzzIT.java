package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.LoopbackTrap;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API under random and mutated valid requests: seeded (PAGELENS_FUZZ_SEED replays a run), bounded in count and
 * time. No answer may be a 5xx other than the documented outcome of the page itself (502/504 for a page that failed or
 * timed out, 503 when capacity ran out), every job must end, and the server must still be healthy and capture a page afterwards.
 * Every URL it sends aims at loopback: the corpus server, or a trap on 127.0.0.2 that no request may reach.
 */
class ApiFuzzIT {
    static final int MAX_REQUESTS = 1500;
    static final Duration MAX_TIME = Duration.ofSeconds(20);
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void randomAndMutatedRequests_neverGet5xx_leaveNoStuckJob_andTheServerHealthy() throws Exception {
        long seed = Long.parseLong(System.getenv().getOrDefault("PAGELENS_FUZZ_SEED", "20261201"));
        Random rnd = new Random(seed);
        int trapPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            trapPort = free.getLocalPort();
        }
        try (CorpusServer site = new CorpusServer().route("/tiny", ex -> CorpusServer.send(ex, 200, "text/html", "<p>tiny</p>"));
             LoopbackTrap trap = new LoopbackTrap(trapPort, "127.0.0.2");
             ApiHarness h = new ApiHarness();
             PagelensServer server = h.start(ApiHarness.settings(Map.of("PAGELENS_QUEUE_LIMIT", "6", "PAGELENS_REQUEST_DEADLINE", "4s",
                     "PAGELENS_MAX_BODY_BYTES", "16384")))) {
            ApiHarness.Client api = h.client(server, server.firstKey().orElseThrow());
            List<String> urls = List.of(site.url("tiny"), site.url("blog/index.html"), site.url("missing.html"),
                    "http://127.0.0.2:" + trapPort + "/", "http://2130706434:" + trapPort + "/", "file:///etc/passwd",
                    "javascript:alert(1)", "http://127.0.0.1:1/", "http://[::1]:" + site.port() + "/tiny", "not a url", "");
            List<String> ids = new ArrayList<>(List.of("job_x", "cap_x", "prj_x", "..", "%2e%2e", "%00", "default", "a".repeat(300)));
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            long until = System.nanoTime() + MAX_TIME.toNanos();
            int sent = 0;
            while (sent < MAX_REQUESTS && System.nanoTime() < until) {
                Req r = next(rnd, urls, ids);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + r.path))
                        .timeout(Duration.ofSeconds(30)).method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(r.body));
                if (r.auth) b.header("Authorization", "Bearer " + api.key());
                else if (rnd.nextBoolean()) b.header("Authorization", "Bearer pl_" + Long.toHexString(rnd.nextLong()));
                if (r.body != null) b.header("Content-Type", rnd.nextInt(10) == 0 ? "text/plain" : "application/json");
                HttpResponse<String> resp = h.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                sent++;
                statuses.merge(resp.statusCode(), 1, Integer::sum);
                if (resp.statusCode() >= 500 && !pageOutcome(resp)) failures.add(r.method + " " + r.path + " " + shorten(r.body) + " -> " + resp.statusCode() + " " + resp.body());
                learnIds(resp.body(), ids);
            }
            System.out.println("api fuzz: seed " + seed + ", " + sent + " requests, statuses " + statuses);
            // a 500 is always a fault; a 502/503/504 must carry one of the page or capacity codes
            assertThat(failures).as("5xx answers (seed " + seed + ")").isEmpty();
            assertThat(sent).isGreaterThan(50);

            // no stuck job: everything queued or running ends (captures have short timeouts)
            long drain = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            JsonNode open;
            do {
                open = api.json("GET", "/v1/jobs?state=queued,running&limit=100", null, 200).get("items");
                if (open.isEmpty()) break;
                Thread.sleep(200);
            } while (System.nanoTime() < drain);
            assertThat(open).as("jobs still queued or running").isEmpty();

            assertThat(api.send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
            JsonNode ok = api.json("POST", "/v1/captures", "{\"url\":\"" + site.url("tiny") + "\",\"formats\":[\"html\"]}", 200);
            assertThat(ok.get("id").asText()).startsWith("cap_");
            assertThat(trap.hits()).as("requests that reached 127.0.0.2").isEmpty();
        }
    }

    /** A 5xx that reports the captured page's own failure or a full server, with its code: not a fault of the API. */
    static boolean pageOutcome(HttpResponse<String> r) {
        if (r.statusCode() == 500) return false;
        try {
            String code = Jackson.MAPPER.readTree(r.body()).path("code").asText();
            return java.util.Set.of("connection_failed", "dns_failure", "http_error", "timeout", "renderer_crashed",
                    "deadline_exceeded", "browser_unavailable", "memory_pressure").contains(code);
        } catch (Exception e) {
            return false;
        }
    }

    record Req(String method, String path, byte[] body, boolean auth) {
    }

    private static Req next(Random rnd, List<String> urls, List<String> ids) {
        boolean auth = rnd.nextInt(12) != 0;
        return switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3 -> new Req("POST", "/v1/captures", body(mutate(rnd, captureSeed(rnd, urls), urls), rnd), auth);
            case 4 -> new Req("POST", "/v1/projects", body(mutate(rnd, projectSeed(rnd), urls), rnd), auth);
            case 5 -> new Req(pick(rnd, List.of("GET", "DELETE", "HEAD")), "/v1/captures/" + pick(rnd, ids)
                    + pick(rnd, List.of("", "", "/links", "/screenshot", "/html", "/markdown", "/pdf", "/nope")), null, auth);
            case 6 -> new Req(pick(rnd, List.of("GET", "DELETE")), "/v1/jobs/" + pick(rnd, ids) + (rnd.nextInt(8) == 0 ? "/events" : ""), null, auth);
            case 7 -> new Req("GET", pick(rnd, List.of("/v1/projects", "/v1/jobs", "/v1/projects/" + pick(rnd, ids) + "/pages",
                    "/v1/projects/" + pick(rnd, ids) + "/captures")) + query(rnd), null, auth);
            case 8 -> new Req(pick(rnd, List.of("PUT", "PATCH", "POST", "DELETE", "OPTIONS")), pick(rnd, List.of("/v1/projects",
                    "/v1/jobs", "/v1/captures", "/health/live", "/openapi.json", "/", "/v1/" + "x".repeat(rnd.nextInt(9000)))),
                    rnd.nextBoolean() ? junk(rnd) : null, auth);
            default -> new Req("POST", "/v1/captures", junk(rnd), auth);
        };
    }

    private static ObjectNode captureSeed(Random rnd, List<String> urls) {
        ObjectNode n = F.objectNode();
        n.put("url", rnd.nextInt(3) == 0 ? pick(rnd, urls) : urls.get(rnd.nextInt(2)));
        n.put("async", rnd.nextInt(4) != 0);
        n.put("timeout", 2000 + rnd.nextInt(2000));
        if (rnd.nextBoolean()) n.putArray("formats").add(pick(rnd, List.of("screenshot", "html", "markdown", "text", "links", "metadata", "pdf")));
        if (rnd.nextBoolean()) n.put("projectId", pick(rnd, List.of("fuzz", "fuzz-2", "default")));
        if (rnd.nextInt(4) == 0) n.putObject("viewport").put("width", 200 + rnd.nextInt(1200)).put("height", 200 + rnd.nextInt(800));
        if (rnd.nextInt(5) == 0) n.putObject("headers").put("X-Fuzz", "1");
        if (rnd.nextInt(5) == 0) n.putArray("cookies").addObject().put("name", "c").put("value", "v");
        if (rnd.nextInt(6) == 0) n.put("selector", pick(rnd, List.of("h1", "body", "#none", "div > p:nth-child(2n+1)")));
        if (rnd.nextInt(6) == 0) n.put("waitUntil", pick(rnd, List.of("load", "domcontentloaded", "networkidle", "never")));
        if (rnd.nextInt(8) == 0) n.put("maxAge", 60_000);
        if (rnd.nextInt(8) == 0) n.put("priority", pick(rnd, List.of("interactive", "normal", "batch", "urgent")));
        if (rnd.nextInt(10) == 0) n.put("webhook", pick(rnd, List.of(urls.get(0), "http://127.0.0.2:1/hook", "ftp://x")));
        return n;
    }

    private static ObjectNode projectSeed(Random rnd) {
        ObjectNode n = F.objectNode();
        n.put("name", "p" + rnd.nextInt(50));
        if (rnd.nextBoolean()) n.put("keepVersions", rnd.nextInt(5));
        if (rnd.nextBoolean()) n.put("maxAgeMs", 1000L * rnd.nextInt(100));
        return n;
    }

    /** Zero to three mutations: a field dropped, retyped, oversized, an unknown field added, nesting, numbers at the edges. */
    private static JsonNode mutate(Random rnd, ObjectNode n, List<String> urls) {
        int times = rnd.nextInt(4);
        List<String> fields = List.of("url", "async", "timeout", "formats", "projectId", "viewport", "headers", "cookies", "selector",
                "waitUntil", "maxAge", "priority", "name", "keepVersions", "maxAgeMs", "quality", "clip", "pdf", "delay", "deadline",
                "maxHeight", "deviceScaleFactor", "blockUrls", "blockResources", "includeTags", "markdown", "pageType", "variantId");
        for (int i = 0; i < times; i++) {
            String f = pick(rnd, fields);
            switch (rnd.nextInt(9)) {
                case 0 -> n.remove(f);
                case 1 -> n.put(f, rnd.nextLong());
                case 2 -> n.put(f, "x".repeat(rnd.nextInt(20_000)));
                case 3 -> n.putNull(f);
                case 4 -> n.put(f, rnd.nextBoolean());
                case 5 -> {
                    ArrayNode deep = n.putArray(f);
                    for (int d = 0; d < rnd.nextInt(3000); d++) deep = deep.addArray();
                }
                case 6 -> n.put(f, pick(rnd, List.of(-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE)));
                case 7 -> n.put("unknown" + rnd.nextInt(3), 1);
                default -> n.put(f, pick(rnd, List.of("\u0000", "\uD83D\uDE00", "<script>", "' OR 1=1 --", "${jndi:ldap://127.0.0.2/}",
                        "1e309", "NaN", "../../etc/passwd", pick(rnd, urls))));
            }
        }
        return n;
    }

    private static byte[] body(JsonNode n, Random rnd) {
        byte[] b = n.toString().getBytes(StandardCharsets.UTF_8);
        return switch (rnd.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncated
            case 1 -> (n.toString() + "}").getBytes(StandardCharsets.UTF_8); // trailing junk
            default -> b;
        };
    }

    private static byte[] junk(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] b = new byte[rnd.nextInt(2048)];
                rnd.nextBytes(b);
                yield b;
            }
            case 2 -> "[".repeat(rnd.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[20_000]; // over PAGELENS_MAX_BODY_BYTES
            default -> pick(rnd, List.of("null", "[]", "\"url\"", "1", "{\"url\":{\"url\":[]}}", "{\"url\":\"http://127.0.0.1:1/\",\"url\":2}"))
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String query(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "?limit=" + pick(rnd, List.of("0", "-1", "abc", "1000000", "5"));
            case 1 -> "?after=" + pick(rnd, List.of("x", "1_", "_", "99999999999999999999_job", "%ff"));
            case 2 -> "?state=" + pick(rnd, List.of("queued", "nope", ",,", "running,succeeded"));
            case 3 -> "?history=" + pick(rnd, List.of("true", "yes", ""));
            default -> "";
        };
    }

    private static void learnIds(String body, List<String> ids) {
        if (ids.size() > 200 || body == null || !body.startsWith("{")) return;
        try {
            JsonNode n = Jackson.MAPPER.readTree(body);
            for (String f : List.of("id", "jobId")) {
                if (n.hasNonNull(f)) ids.add(n.get(f).asText());
            }
        } catch (Exception e) {
            // not JSON: nothing to learn
        }
    }

    private static <T> T pick(Random rnd, List<T> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    private static String shorten(byte[] b) {
        if (b == null) return "";
        String s = new String(b, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
