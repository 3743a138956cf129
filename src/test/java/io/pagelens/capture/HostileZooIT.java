package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.HostileZoo;
import io.pagelens.testing.LoopbackTrap;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the {@link HostileZoo} through one engine (two captures at a time, 3 s timeouts), with healthy captures
 * queued beside them: each zoo page ends with a result or a clear error of the expected kind, no private address is
 * reached, healthy captures keep succeeding, and closing the engine leaves no Chromium process behind. Prints each page's
 * outcome and time, and the healthy captures' times (queue included).
 */
class HostileZooIT {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    record Outcome(String page, String result, CaptureError error, CaptureResult ok, long ms) {
        @Override
        public String toString() {
            return String.format("%-20s %6d ms  %s", page, ms, result);
        }
    }

    @Test
    void everyHostilePage_endsWithAResultOrAClearError_andNothingIsLeftBehind() throws Exception {
        int trapPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            trapPort = free.getLocalPort();
        }
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        List<Long> healthyMs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> healthyFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LoopbackTrap trap = new LoopbackTrap(trapPort, "127.0.0.2");
             CorpusServer site = HostileZoo.install(new CorpusServer(), trapPort)) {
            CaptureEngine engine = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS, new FixedAdmission(2),
                    new SimpleMeterRegistry(), new io.pagelens.content.HtmlContentExtractor(), TestEgress.guard());
            try {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<?>> work = new ArrayList<>();
                for (String page : HostileZoo.PAGES.keySet()) work.add(pool.submit(() -> outcomes.put(page, capture(engine, site, page))));
                AtomicBoolean zooRunning = new AtomicBoolean(true);
                Thread healthy = Thread.ofPlatform().start(() -> {
                    while (zooRunning.get()) {
                        long t0 = System.nanoTime();
                        try {
                            engine.capture(CaptureRequest.builder(site.url("blog/about.html")).timeout(Duration.ofSeconds(20)).build(),
                                    new Engines.MemorySink());
                            healthyMs.add((System.nanoTime() - t0) / 1_000_000);
                        } catch (Exception e) {
                            healthyFailures.add(e.toString());
                        }
                    }
                });
                for (Future<?> f : work) f.get();
                zooRunning.set(false);
                healthy.join();
                pool.shutdown();

                // the engine still works after the zoo
                CaptureResult after = engine.capture(CaptureRequest.builder(site.url("blog/about.html")).build(), new Engines.MemorySink());
                assertThat(after.report().httpStatus()).isEqualTo(200);
            } finally {
                engine.close();
            }
            System.out.println("hostile zoo (timeout " + TIMEOUT.toMillis() + " ms, 2 at a time):");
            HostileZoo.PAGES.keySet().forEach(p -> System.out.println("  " + outcomes.get(p)));
            System.out.println("  healthy captures beside the zoo: " + healthyMs.size() + " ok, ms " + healthyMs + ", failed " + healthyFailures);

            assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(HostileZoo.PAGES.keySet());
            expectError(outcomes, "slow-first-byte", CaptureError.TIMEOUT);
            expectError(outcomes, "busy-loop", CaptureError.TIMEOUT, CaptureError.RENDERER_CRASHED);
            expectError(outcomes, "memory-bomb", CaptureError.RENDERER_CRASHED, CaptureError.TIMEOUT);
            expectError(outcomes, "redirect-loop", CaptureError.CONNECTION_FAILED, CaptureError.HTTP_ERROR, CaptureError.INVALID_REQUEST);
            expectError(outcomes, "download", CaptureError.NOT_HTML);
            expectError(outcomes, "pdf", CaptureError.NOT_HTML);
            expectError(outcomes, "binary", CaptureError.NOT_HTML);
            expectError(outcomes, "not-found", CaptureError.HTTP_ERROR);
            expectError(outcomes, "server-error", CaptureError.HTTP_ERROR);
            for (String p : List.of("dialogs", "window-open-flood", "giant-canvas", "bad-encoding", "private-addresses")) {
                assertThat(outcomes.get(p).ok()).as(p + ": " + outcomes.get(p)).isNotNull();
            }
            // heavy pages may finish or hit the timeout on a loaded machine; either way within it and clearly
            Outcome refresh = outcomes.get("meta-refresh-loop");
            assertThat(refresh.ok() != null || refresh.error() == CaptureError.TIMEOUT
                    || (refresh.error() == CaptureError.CONNECTION_FAILED && refresh.result().contains("navigated away"))).as(refresh.toString()).isTrue();
            for (String p : List.of("endless-subresource", "dom-400k", "infinite-scroll",
                    "tall-60k")) {
                Outcome o = outcomes.get(p);
                assertThat(o.ok() != null || o.error() == CaptureError.TIMEOUT).as(p + ": " + o).isTrue();
            }
            assertThat(outcomes.get("dialogs").ok().report().steps()).containsKey("dialogs");
            // both canvases were shrunk to 4096 x 4096 (64 MB) when sized and when their context was taken
            assertThat(outcomes.get("giant-canvas").ok().metadata().title()).isEqualTo("4096x4096 4096x4096");
            assertThat(outcomes.get("private-addresses").ok().report().blockedRequests()).as("refused requests in the report").isNotEmpty();
            assertThat(trap.hits()).as("requests that reached 127.0.0.2").isEmpty();
            assertThat(healthyFailures).as("healthy captures beside the zoo").isEmpty();
            assertThat(healthyMs).isNotEmpty();
        }
        // no Chromium (or any child) of this JVM left once the engine closed
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().command().orElse("?")).filter(c -> c.contains("chrom") || c.contains("headless")).toList();
            if (left.isEmpty()) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("Chromium processes left behind").isEmpty();
    }

    private static void expectError(Map<String, Outcome> outcomes, String page, CaptureError... allowed) {
        Outcome o = outcomes.get(page);
        assertThat(o.error()).as(page + ": " + o).isIn((Object[]) allowed);
        assertThat(o.result()).as(page + " names what went wrong").hasSizeGreaterThan(20);
    }

    /**
     * One zoo page; a capture that met a browser recycle (another zoo page's memory made the browser restart) is tried
     * once more, as its job would be.
     */
    private static Outcome capture(CaptureEngine engine, CorpusServer site, String page) {
        Outcome o = captureOnce(engine, site, page);
        if (o.error() != CaptureError.BROWSER_UNAVAILABLE) return o;
        Outcome again = captureOnce(engine, site, page);
        return new Outcome(page, again.result() + " (retried after: " + o.result() + ")", again.error(), again.ok(), o.ms() + again.ms());
    }

    private static Outcome captureOnce(CaptureEngine engine, CorpusServer site, String page) {
        CaptureRequest.Builder b = CaptureRequest.builder(site.url("zoo/" + page)).timeout(TIMEOUT);
        if (Set.of("infinite-scroll", "tall-60k", "dom-400k").contains(page)) b.fullPage(true);
        if (page.equals("giant-canvas")) b.formats(Set.of(Format.SCREENSHOT, Format.METADATA));
        long t0 = System.nanoTime();
        try {
            CaptureResult r = engine.capture(b.build(), new Engines.MemorySink());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Artifact shot = r.artifacts().stream().filter(a -> a.format() == Format.SCREENSHOT).findFirst().orElse(null);
            return new Outcome(page, "ok: HTTP " + r.report().httpStatus() + (shot == null ? "" : ", " + shot.width() + "x" + shot.height())
                    + (r.report().blockedRequests().isEmpty() ? "" : ", " + r.report().blockedRequests().size() + " requests blocked"), null, r, ms);
        } catch (CaptureException e) {
            return new Outcome(page, e.error().code() + ": " + e.getMessage(), e.error(), null, (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
