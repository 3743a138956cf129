package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.jobs.QueueFullException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer alone: routing, strict JSON, error mapping, body limit, guard. */
class ApiServerTest {
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Router r = new Router();
        r.path("/v1/things", g -> g
                .post("", ctx -> ctx.json(201, CaptureOrder.from(ctx.body(CaptureSpec.class)).build().request().url().toString()))
                .get("/{id}", ctx -> ctx.json(200, Map.of("id", ctx.param("id"), "limit", ctx.queryInt("limit", 10, 1, 100))))
                .get("/full", ctx -> {
                    throw new QueueFullException(5, Duration.ofSeconds(7));
                })
                .get("/boom", ctx -> {
                    throw new IllegalStateException("secret internals");
                }));
        r.open(o -> o.get("/health/live", ctx -> ctx.json(200, Map.of("status", "ok"))));
        RequestGuard guard = ctx -> {
            if (!ctx.header("Authorization").orElse("").equals("Bearer good")) throw new ApiException(401, "unauthorized", "no");
            return "caller";
        };
        server = new ApiServer("127.0.0.1", 0, r, guard, MemoryProbe.jvmOnly(), 1024).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth) b.header("Authorization", "Bearer good");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Jackson.MAPPER.readTree(r.body());
    }

    @Test
    void routes_matchPathParameters_andQuery() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/things/abc?limit=5", null, true);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("id").asText()).isEqualTo("abc");
        assertThat(json(r).get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void unknownPath_is404_andWrongVerb_is405WithAllow() throws Exception {
        assertThat(send("GET", "/v1/nothing", null, true).statusCode()).isEqualTo(404);
        HttpResponse<String> r = send("DELETE", "/v1/things", null, true);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(r).get("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void missingKey_is401_butOpenRoutesNeedNone() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/things/x", null, false);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(send("GET", "/health/live", null, false).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJson_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\": ", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void unknownField_is400_namingIt() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\":\"http://a.example\",\"fullpage\":true}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("unknown_field");
        assertThat(json(r).get("field").asText()).isEqualTo("fullpage");
    }

    @Test
    void nestedWrongType_is400_namingThePath() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\":\"http://a.example\",\"viewport\":{\"width\":\"wide\"}}", true);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("viewport.width");
    }

    @Test
    void outOfRange_is422_namingTheField() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\":\"http://a.example\",\"viewport\":{\"width\":99999}}", true);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("field").asText()).isEqualTo("viewport");
        assertThat(json(r).get("message").asText()).contains("4096");
        HttpResponse<String> q = send("GET", "/v1/things/x?limit=0", null, true);
        assertThat(q.statusCode()).isEqualTo(422);
        assertThat(json(q).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void badUrl_is422_onUrl() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\":\"ftp://a.example/file\"}", true);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("field").asText()).isEqualTo("url");
    }

    @Test
    void localSchemeUrl_is403Blocked_onUrl() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/things", "{\"url\":\"file:///etc/passwd\"}", true);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("code").asText()).isEqualTo("blocked");
        assertThat(json(r).get("field").asText()).isEqualTo("url");
        assertThat(json(r).get("message").asText()).contains("file: scheme is not allowed");
    }

    @Test
    void oversizedBody_is413() throws Exception {
        String big = "{\"url\":\"http://a.example/" + "x".repeat(2000) + "\"}";
        HttpResponse<String> r = send("POST", "/v1/things", big, true);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("code").asText()).isEqualTo("body_too_large");
    }

    @Test
    void queueFull_is429_withRetryAfter() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/things/full", null, true);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void unexpectedError_is500_withoutInternals() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/things/boom", null, true);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("secret internals");
    }

    @Test
    void router_refusesDuplicateRoutes() {
        Router r = new Router().get("/a", ctx -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.get("/a", ctx -> { }))
                .hasMessageContaining("GET /a registered twice");
    }
}
