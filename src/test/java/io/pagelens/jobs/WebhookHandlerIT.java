package io.pagelens.jobs;

import com.sun.net.httpserver.HttpServer;
import io.pagelens.egress.EgressGuard;
import io.pagelens.egress.EgressSettings;
import io.pagelens.egress.ScriptedResolver;
import io.pagelens.json.Jackson;
import io.pagelens.testing.LoopbackTrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook deliveries go through the egress guard: a receiver on 127.0.0.1 gets them, the aliases never do. */
class WebhookHandlerIT {
    private HttpServer receiver;
    private LoopbackTrap trap;
    private EgressGuard guard;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private int port;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            received.add(ex.getRequestHeaders().getFirst(WebhookSigner.EVENT_HEADER));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        port = receiver.getAddress().getPort();
        trap = new LoopbackTrap(port, "127.0.0.2", "127.0.0.3");
        guard = EgressGuard.start(EgressSettings.allowing("127.0.0.1,localhost"),
                new ScriptedResolver().answer("hooks.test", "127.0.0.3"), null);
    }

    @AfterEach
    void stop() {
        guard.close();
        receiver.stop(0);
        assertThat(trap.hits()).isEmpty();
        trap.close();
    }

    private String deliver(String url) throws Exception {
        WebhookHandler h = new WebhookHandler(new WebhookSigner("test-webhook-secret-0123456789"), Clock.systemUTC(), guard);
        String payload = Jackson.MAPPER.writeValueAsString(new WebhookHandler.Delivery(url, "capture.succeeded", "{}"));
        Instant now = Instant.now();
        Job job = new Job("job_1", WebhookHandler.KIND, JobState.RUNNING, 0, payload, null, null, null, null, 1, 6, now, now, "w", false,
                null, null, null, now, now, null, now);
        return h.run(job, step -> { });
    }

    @Test
    void allowedReceiver_getsTheDelivery() throws Exception {
        assertThat(deliver("http://127.0.0.1:" + port + "/hook")).contains("\"status\":204");
        assertThat(received).containsExactly("capture.succeeded");
    }

    @Test
    void loopbackAlias_isBlockedForGood() {
        assertThatThrownBy(() -> deliver("http://127.0.0.2:" + port + "/hook"))
                .isInstanceOfSatisfying(JobFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("webhook_blocked");
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).isEqualTo("blocked: 127.0.0.2 is loopback (127.0.0.0/8)");
                });
    }

    @Test
    void nameResolvingToAnAlias_isBlockedByTheProxy_httpAndHttps() {
        for (String scheme : List.of("http", "https")) {
            assertThatThrownBy(() -> deliver(scheme + "://hooks.test:" + port + "/hook"))
                    .as(scheme).isInstanceOfSatisfying(JobFailure.class, f -> {
                        assertThat(f.code()).isEqualTo("webhook_blocked");
                        assertThat(f.getMessage()).contains("hooks.test resolves to 127.0.0.3, which is loopback");
                    });
        }
        assertThat(received).isEmpty();
    }
}
