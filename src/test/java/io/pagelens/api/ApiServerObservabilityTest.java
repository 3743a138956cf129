package io.pagelens.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.observe.LogContext;
import io.pagelens.observe.MeterNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids on every log line of a request and in its response, and the request timer by route template. */
class ApiServerObservabilityTest {
    private static final org.slf4j.Logger handlerLog = LoggerFactory.getLogger("io.pagelens.test.handler");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    @BeforeEach
    void start() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(ctx);
        logs.start();
        for (String name : List.of("io.pagelens.access", "io.pagelens.test.handler")) ctx.getLogger(name).addAppender(logs);
        Router r = new Router();
        r.path("/v1/things", g -> g.get("/{id}", c -> {
            handlerLog.atInfo().addKeyValue("id", c.param("id")).log("inside the handler");
            c.json(200, Map.of("id", c.param("id")));
        }));
        server = new ApiServer("127.0.0.1", 0, r, RequestGuard.OPEN, MemoryProbe.jvmOnly(), 1024, registry).start();
    }

    @AfterEach
    void stop() {
        server.close();
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("io.pagelens.access", "io.pagelens.test.handler")) ((Logger) ctx.getLogger(name)).detachAppender(logs);
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (requestId != null) b.header("X-Request-ID", requestId);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access line and the timer come after the response's last byte: wait for them, briefly. */
    private static void eventually(Runnable check) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > until) throw e;
                Thread.sleep(20);
            }
        }
    }

    private List<String> idsLogged() {
        return logs.list.stream().map(e -> e.getMDCPropertyMap().get(LogContext.REQUEST_ID)).toList();
    }

    @Test
    void incomingRequestId_isReturned_andOnEveryLineOfTheRequest() throws Exception {
        HttpResponse<String> res = get("/v1/things/42", "heroku-router-3f2a9c1e-77");
        assertThat(res.headers().firstValue("X-Request-ID")).hasValue("heroku-router-3f2a9c1e-77");
        eventually(() -> assertThat(logs.list).extracting(ILoggingEvent::getMessage).containsExactly("inside the handler", "request"));
        assertThat(idsLogged()).containsOnly("heroku-router-3f2a9c1e-77");
    }

    @Test
    void missingOrUnsafeRequestId_isReplacedByAGeneratedOne() throws Exception {
        String generated = get("/v1/things/1", null).headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String replaced = get("/v1/things/2", "x".repeat(201)).headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(replaced).hasSize(36);
        String quoted = get("/v1/things/3", "a\"b<script>").headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(quoted).hasSize(36);
        eventually(() -> assertThat(idsLogged()).contains(generated, replaced, quoted).doesNotContain("a\"b<script>"));
        assertThat(org.slf4j.MDC.get(LogContext.REQUEST_ID)).as("nothing left on the test thread").isNull();
    }

    @Test
    void requestsAreTimedByRouteTemplate_method_andStatus_neverByRawPath() throws Exception {
        get("/v1/things/1", null);
        get("/v1/things/2", null);
        get("/nowhere/7", null);
        eventually(() -> assertThat(registry.find(MeterNames.HTTP_SERVER_REQUESTS).timers()).extracting(t -> t.getId().getTag("route") + " " + t.getId().getTag("method") + " " + t.getId().getTag("status")
                + " " + t.count()).containsExactlyInAnyOrder("/v1/things/{id} GET 200 2", "unmatched GET 404 1"));
    }
}
