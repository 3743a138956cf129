package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserControl;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input and broken browsers: each gives a clear error, and the next capture still works. */
class CaptureErrorsIT {
    static CorpusServer server;
    static CaptureEngine engine;
    static SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
        server.route("/test/slow", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CorpusServer.send(ex, 200, "text/html", "<html><body>late</body></html>");
        });
        server.route("/test/500", ex -> CorpusServer.send(ex, 500, "text/html", "<html><body><h1>Server error page</h1></body></html>"));
        server.route("/test/json", ex -> CorpusServer.send(ex, 200, "application/json", "{\"a\":1}"));
        server.route("/test/zip", ex -> {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=x.zip");
            CorpusServer.send(ex, 200, "application/zip", "PK not really a zip");
        });
        server.route("/test/hog", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><script>const a = []; while (true) { a.push(new Array(1e6).fill(Math.random())); }</script></body></html>"));
        server.route("/test/hold", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><h1>hold</h1><script>window.started = Date.now()</script></body></html>"));
        engine = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS, new FixedAdmission(2), registry, null,
                io.pagelens.testing.TestEgress.guard());
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    /** After every failure, a normal capture must still succeed. */
    @AfterEach
    void nextCaptureStillWorks() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        engine.capture(CaptureRequest.builder(server.url("blog/about.html")).build(), sink);
        assertThat(Images.read(sink.bytes(Format.SCREENSHOT)).getWidth()).isEqualTo(1280);
    }

    private static CaptureException fail(CaptureRequest r) {
        Engines.MemorySink sink = new Engines.MemorySink();
        try {
            engine.capture(r, sink);
        } catch (CaptureException e) {
            assertThat(sink.discarded).as("failed capture discards its sink").isTrue();
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("capture of " + r.url() + " succeeded");
    }

    @Test
    void unresolvableHost_isDnsFailure() {
        CaptureException e = fail(CaptureRequest.builder("http://no-such-host.invalid/page").build());
        assertThat(e.error()).isEqualTo(CaptureError.DNS_FAILURE);
        assertThat(e.getMessage()).contains("no-such-host.invalid").contains("could not be resolved");
    }

    @Test
    void closedPort_isConnectionFailure() {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        CaptureException e = fail(CaptureRequest.builder("http://127.0.0.1:" + port + "/").build());
        assertThat(e.error()).isEqualTo(CaptureError.CONNECTION_FAILED);
        assertThat(e.getMessage()).contains("ERR_CONNECTION_REFUSED");
    }

    @Test
    void notFound_isHttpError_unlessAllowed() throws Exception {
        CaptureException e = fail(CaptureRequest.builder(server.url("no/such/page.html")).build());
        assertThat(e.error()).isEqualTo(CaptureError.HTTP_ERROR);
        assertThat(e.getMessage()).contains("HTTP 404");

        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(CaptureRequest.builder(server.url("no/such/page.html")).allowHttpErrors(true)
                .formats(java.util.Set.of(Format.SCREENSHOT, Format.HTML)).build(), sink);
        assertThat(r.report().httpStatus()).isEqualTo(404);
        assertThat(sink.text(Format.HTML)).contains("404 Not Found");
    }

    @Test
    void serverError_isHttpError() {
        CaptureException e = fail(CaptureRequest.builder(server.url("test/500")).build());
        assertThat(e.error()).isEqualTo(CaptureError.HTTP_ERROR);
        assertThat(e.getMessage()).contains("HTTP 500");
    }

    @Test
    void nonHtml_isNotHtml() {
        CaptureException json = fail(CaptureRequest.builder(server.url("test/json")).build());
        assertThat(json.error()).isEqualTo(CaptureError.NOT_HTML);
        assertThat(json.getMessage()).contains("application/json");
        CaptureException zip = fail(CaptureRequest.builder(server.url("test/zip")).build());
        assertThat(zip.error()).isEqualTo(CaptureError.NOT_HTML);
    }

    @Test
    void contentFormatsWithoutExtractor_areRefusedClearly() {
        CaptureException e = fail(CaptureRequest.builder(server.url("blog/index.html")).formats(java.util.Set.of(Format.MARKDOWN)).build());
        assertThat(e.error()).isEqualTo(CaptureError.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("content extractor");
    }

    @Test
    void pageTooLargeForContentExtraction_isAClearError() throws Exception {
        try (CaptureEngine small = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS, new FixedAdmission(1),
                new SimpleMeterRegistry(), new io.pagelens.content.HtmlContentExtractor(100), io.pagelens.testing.TestEgress.guard())) {
            Engines.MemorySink sink = new Engines.MemorySink();
            assertThatThrownBy(() -> small.capture(CaptureRequest.builder(server.url("blog/index.html"))
                    .formats(java.util.Set.of(Format.SCREENSHOT, Format.MARKDOWN)).build(), sink))
                    .isInstanceOfSatisfying(CaptureException.class, e -> {
                        assertThat(e.error()).isEqualTo(CaptureError.INVALID_REQUEST);
                        assertThat(e.getMessage()).contains("too large");
                    });
            assertThat(sink.discarded).isTrue();
        }
    }

    @Test
    void slowServer_hitsTheHardTimeout() {
        long t0 = System.nanoTime();
        CaptureException e = fail(CaptureRequest.builder(server.url("test/slow")).timeout(Duration.ofMillis(1500)).build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e.error()).isEqualTo(CaptureError.TIMEOUT);
        assertThat(e.getMessage()).contains("1500 ms");
        assertThat(ms).isLessThan(6_000);
    }

    @Test
    void pageThatEatsMemory_crashesItsRendererOnly_withAClearError() {
        CaptureException e = fail(CaptureRequest.builder(server.url("test/hog")).timeout(Duration.ofSeconds(60)).build());
        assertThat(e.error()).isEqualTo(CaptureError.RENDERER_CRASHED);
        assertThat(e.getMessage()).contains("renderer crashed");
    }

    @Test
    void rendererKilledMidCapture_isRetriedOnAFreshPage() throws Exception {
        double retriesBefore = registry.counter("pagelens.capture.retries").count();
        CompletableFuture<CaptureResult> running = holdingCapture();
        awaitProcess(engine.browser(), "--type=renderer");
        // Chromium may keep a spare renderer: kill every renderer so the page's own is among them
        for (long pid : engine.browser().processIds()) {
            if (cmdline(pid).orElse("").contains("--type=renderer")) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        CaptureResult r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.report().httpStatus()).isEqualTo(200);
        assertThat(registry.counter("pagelens.capture.retries").count()).isEqualTo(retriesBefore + 1);
    }

    @Test
    void browserKilledMidCapture_isRelaunchedAndRetried() throws Exception {
        CompletableFuture<CaptureResult> running = holdingCapture();
        awaitProcess(engine.browser(), "--type=renderer");
        long oldBrowser = engine.browser().processIds().getFirst();
        List<Long> oldTree = engine.browser().processIds();
        ProcessHandle.of(oldBrowser).orElseThrow().destroyForcibly();
        CaptureResult r = running.get(60, TimeUnit.SECONDS);
        assertThat(r.report().httpStatus()).isEqualTo(200);
        assertThat(engine.browser().processIds().getFirst()).isNotEqualTo(oldBrowser);
        long end = System.nanoTime() + 5_000_000_000L;
        while (oldTree.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(oldTree).as("no process of the killed browser survives").noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** A capture that holds its page open for 3 s (a delay), in the background. */
    private static CompletableFuture<CaptureResult> holdingCapture() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.capture(CaptureRequest.builder(server.url("test/hold")).delay(Duration.ofSeconds(3)).build(),
                        new Engines.MemorySink());
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
    }

    /** Waits until a process of the browser's tree has {@code marker} in its command line, and a page is loading. */
    private static ProcessHandle awaitProcess(BrowserControl browser, String marker) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (browser.inFlight() > 0) {
                for (long pid : browser.processIds()) {
                    Optional<String> cmd = cmdline(pid);
                    if (cmd.isPresent() && cmd.get().contains(marker)) {
                        Thread.sleep(1000); // let the capture reach its delay
                        return ProcessHandle.of(pid).orElseThrow();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + marker + " process appeared");
    }

    private static Optional<String> cmdline(long pid) {
        try {
            return Optional.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' '));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
