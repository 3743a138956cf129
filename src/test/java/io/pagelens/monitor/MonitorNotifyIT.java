package io.pagelens.monitor;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.egress.EgressGuard;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobState;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.json.Jackson;
import io.pagelens.observe.MeterNames;
import io.pagelens.store.TestDatabases;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Change webhooks that fail: retried by the queue, and once out of attempts visible on the monitor and in the metrics. */
class MonitorNotifyIT {
    private final TestDatabases dbs = new TestDatabases();
    private HttpServer receiver;
    private EgressGuard guard;
    private final AtomicInteger status = new AtomicInteger(500);
    private MonitorStore store;
    private Monitor monitor;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        receiver.start();
        guard = TestEgress.guard();
        store = new MonitorStore(dbs.sqlite(), Clock.systemUTC());
        monitor = new MonitorService(store, null, MonitorHarness.FAST).create(new MonitorSpec(null, "http://127.0.0.1:1/", null, null,
                "1m", null, null, null, null, null, null, null, null, null, null), null);
    }

    @AfterEach
    void stop() {
        guard.close();
        receiver.stop(0);
        dbs.close();
    }

    private Job delivery(int attempt) throws Exception {
        String body = Jackson.MAPPER.createObjectNode().put("event", "monitor.changed").put("monitorId", monitor.id()).toString();
        String payload = Jackson.MAPPER.writeValueAsString(new WebhookHandler.Delivery(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "monitor.changed", body));
        Instant now = Instant.now();
        return new Job("job_1", MonitorNotifyHandler.KIND, JobState.RUNNING, 50, payload, null, null, null, null, attempt,
                WebhookHandler.MAX_ATTEMPTS, now, now, "w", false, null, null, null, now, now, null, now);
    }

    @Test
    void failedDeliveries_countOnTheMonitorOnlyWhenOutOfAttempts_andASuccessClearsThem() throws Exception {
        MonitorNotifyHandler h = new MonitorNotifyHandler(new WebhookHandler(new WebhookSigner(MonitorHarness.WEBHOOK_SECRET),
                Clock.systemUTC(), guard), store, metrics);
        assertThatThrownBy(() -> h.run(delivery(1), s -> { })).isInstanceOf(JobFailure.class)
                .satisfies(e -> assertThat(((JobFailure) e).retryable()).isTrue());
        assertThat(store.get(monitor.id()).orElseThrow().notifyFailures()).as("a retry is coming: not a failure yet").isZero();

        assertThatThrownBy(() -> h.run(delivery(WebhookHandler.MAX_ATTEMPTS), s -> { })).isInstanceOf(JobFailure.class);
        Monitor m = store.get(monitor.id()).orElseThrow();
        assertThat(m.notifyFailures()).isEqualTo(1);
        assertThat(m.notifyError()).contains("webhook_status").contains("500");
        assertThat(metrics.counter(MeterNames.MONITOR_NOTIFY_FAILURES, "code", "webhook_status").count()).isEqualTo(1);

        status.set(204);
        h.run(delivery(1), s -> { });
        m = store.get(monitor.id()).orElseThrow();
        assertThat(m.notifyFailures()).isZero();
        assertThat(m.notifyError()).isNull();
    }
}
