package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A caller's deadline through the real engine: admission does not wait past it, a capture that cannot finish is not
 * started, and the page's own timeout is cut to it. One capture slot, so a long capture makes the next one wait.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlineIT {
    /** Generous for a loaded 2-core machine; the point is "about the deadline", not "after the long capture". */
    static final Duration MARGIN = Duration.ofMillis(1500);

    CorpusServer site;
    CaptureEngine engine;
    final AtomicInteger secondRequests = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer()
                .route("/slow", ex -> {
                    String q = ex.getRequestURI().getQuery();
                    CorpusServer.pause(q != null && q.startsWith("ms=") ? Long.parseLong(q.substring(3)) : 6000);
                    CorpusServer.send(ex, 200, "text/html", "<html><body><h1>slow</h1></body></html>");
                })
                .route("/second", ex -> {
                    secondRequests.incrementAndGet();
                    CorpusServer.send(ex, 200, "text/html", "<html><body><h1>second</h1></body></html>");
                });
        engine = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS, new FixedAdmission(1), new SimpleMeterRegistry(),
                new HtmlContentExtractor(), io.pagelens.testing.TestEgress.guard());
    }

    @AfterAll
    void stop() {
        if (engine != null) engine.close();
        if (site != null) site.close();
    }

    private static CaptureRequest request(String url) {
        return CaptureRequest.builder(url).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void captureWaitingBehindALongOne_isRefusedAtItsDeadline_andNeverRuns() throws Exception {
        CompletableFuture<CaptureResult> longOne = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.capture(request(site.url("slow?ms=6000")), new Engines.MemorySink());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (engine.browser().inFlight() == 0) Thread.sleep(20); // the long capture holds the only slot
        Engines.MemorySink sink = new Engines.MemorySink();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.capture(request(site.url("second")), sink, Deadline.after(Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.DEADLINE_EXCEEDED))
                .hasMessageContaining("request deadline").hasMessageContaining("not started");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("measured: a 2 s deadline behind a long capture was refused after " + took.toMillis() + " ms");
        assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2).plus(MARGIN));
        assertThat(sink.discarded).isTrue();
        assertThat(longOne.get().report().httpStatus()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(secondRequests).as("the refused capture never reached the page, also after the slot freed").hasValue(0);
    }

    @Test
    void deadlineShorterThanTheDelay_isRefusedAtOnce() {
        CaptureRequest r = CaptureRequest.builder(site.url("second")).delay(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(10)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.capture(r, new Engines.MemorySink(), Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.DEADLINE_EXCEEDED))
                .hasMessageContaining("delay of 3000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        assertThat(secondRequests).hasValue(0);
    }

    @Test
    void deadlineEarlierThanTheTimeout_endsThePageAtTheDeadline() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.capture(request(site.url("slow?ms=8000")), new Engines.MemorySink(), Deadline.after(Duration.ofMillis(1500))))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.DEADLINE_EXCEEDED))
                .hasMessageContaining("request deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500).plus(MARGIN));
    }

    @Test
    void ownTimeout_isStillATimeout() {
        CaptureRequest r = CaptureRequest.builder(site.url("slow?ms=8000")).timeout(Duration.ofMillis(1200)).build();
        assertThatThrownBy(() -> engine.capture(r, new Engines.MemorySink(), Deadline.after(Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.TIMEOUT))
                .hasMessageContaining("timeout of 1200 ms");
    }
}
