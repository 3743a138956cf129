package io.pagelens.capture;

import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Chromium against the corpus: the formats and options of one capture. */
class CaptureEngineIT {
    static CorpusServer server;
    static CaptureEngine engine;

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
        server.route("/test/redirect", ex -> {
            ex.getResponseHeaders().set("Location", "/blog/about.html");
            ex.sendResponseHeaders(302, -1);
        });
        server.route("/test/echo", ex -> {
            String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
            String ua = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
            String h = String.valueOf(ex.getRequestHeaders().getFirst("X-Pagelens-Test"));
            CorpusServer.send(ex, 200, "text/html; charset=utf-8", "<html><body><p id=cookie>" + cookie + "</p><p id=ua>" + ua
                    + "</p><p id=h>" + h + "</p></body></html>");
        });
        server.route("/test/scheme", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><head><style>body{background:#fff;color:#000;margin:0;height:100vh}"
                        + "@media (prefers-color-scheme: dark){body{background:#000;color:#fff}}</style></head><body>x</body></html>"));
        server.route("/test/transparent", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body style='margin:0'><div id=box style='width:200px;height:100px;background:rgb(255,0,0)'></div></body></html>"));
        server.route("/test/late", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><script>setTimeout(() => { const d = document.createElement('div'); d.id = 'late';"
                        + " d.textContent = 'arrived'; document.body.appendChild(d); }, 700)</script></body></html>"));
        server.route("/test/bands", ex -> {
            // 5,000 px of 100 px colour bands with a label each: any misplaced tile shows as wrong colours
            StringBuilder html = new StringBuilder("<html><body style='margin:0'>");
            for (int i = 0; i < 50; i++) {
                html.append("<div style='height:100px;font:20px monospace;background:rgb(").append(i * 5).append(',')
                        .append(255 - i * 5).append(',').append((i * 37) % 256).append(")'>band ").append(i).append("</div>");
            }
            CorpusServer.send(ex, 200, "text/html", html.append("</body></html>").toString());
        });
        engine = Engines.engine(new HtmlContentExtractor());
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    private static CaptureRequest.Builder req(String path) {
        return CaptureRequest.builder(server.url(path));
    }

    @Test
    void blog_viewportPng_htmlLinksAndReport() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("blog/index.html")
                .formats(Set.of(Format.SCREENSHOT, Format.HTML, Format.LINKS, Format.METADATA, Format.MARKDOWN)).build(), sink);

        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(800);
        assertThat(Images.distinctColours(img)).isGreaterThan(20);
        assertThat(sink.text(Format.HTML)).startsWith("<!DOCTYPE html>").contains("Clean Blog");
        assertThat(sink.text(Format.MARKDOWN)).contains("Clean Blog");
        assertThat(r.links()).extracting(l -> l.url()).contains(server.url("blog/about.html"), server.url("blog/post.html"))
                .doesNotHaveDuplicates().allMatch(u -> URI.create(u).isAbsolute());
        assertThat(r.metadata().title()).contains("Clean Blog");
        assertThat(sink.text(Format.LINKS)).contains("about.html");

        CaptureReport rep = r.report();
        assertThat(rep.httpStatus()).isEqualTo(200);
        assertThat(rep.finalUrl()).isEqualTo(server.uri("blog/index.html"));
        assertThat(rep.redirectChain()).containsExactly(server.uri("blog/index.html"));
        assertThat(rep.pageHeight()).isGreaterThan(800);
        assertThat(rep.failedRequests()).anyMatch(f -> f.contains("fonts.googleapis.com") && f.contains("ERR_NAME_NOT_RESOLVED"));
        assertThat(rep.bytesWritten()).isEqualTo(r.artifacts().stream().mapToLong(Artifact::bytes).sum());
        assertThat(rep.bytesWritten()).isGreaterThan(sink.bytes(Format.SCREENSHOT).length);
        assertThat(rep.timings().totalMs()).isGreaterThanOrEqualTo(rep.timings().navigationMs() + rep.timings().encodeMs());
        assertThat(r.artifacts()).extracting(Artifact::format).contains(Format.SCREENSHOT, Format.HTML, Format.LINKS);
    }

    @Test
    void newsSpa_isRenderedByItsJavaScript() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("news/index.html").formats(Set.of(Format.SCREENSHOT, Format.HTML))
                .waitUntil(WaitUntil.NETWORK_IDLE).build(), sink);
        String html = sink.text(Format.HTML);
        // the served file has an empty #__next; the rendered DOM has the app inside it
        assertThat(html).doesNotContain("<div id=\"__next\"></div>");
        assertThat(html.length()).isGreaterThan(5_000);
        assertThat(Images.distinctColours(Images.read(sink.bytes(Format.SCREENSHOT)))).isGreaterThan(10);
        assertThat(r.report().httpStatus()).isEqualTo(200);
    }

    @Test
    void fullPage_tallArticle_isTiledAndCappedAtMaxHeight() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("articles/quanta-1/").fullPage(true).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(CaptureRequest.DEFAULT_MAX_HEIGHT);
        assertThat(r.report().heightCapped()).isTrue();
        assertThat(r.report().pageHeight()).isGreaterThan(60_000);
        assertThat(r.report().tiles()).as("20,000 px in 800 px viewports").isEqualTo(25);
        // content in the first and in the last tile
        assertThat(Images.distinctColours(img.getSubimage(0, 0, 1280, 2000))).isGreaterThan(5);
        assertThat(Images.distinctColours(img.getSubimage(0, 18_000, 1280, 2000))).isGreaterThan(5);
    }

    @Test
    void fullPage_clipTilesStitchToTheSameImageAsOneShot() throws Exception {
        CaptureRequest r = req("test/bands").fullPage(true).viewport(new Viewport(600, 400, 1.5)).build();
        Engines.MemorySink oneShot = new Engines.MemorySink();
        Engines.MemorySink tiled = new Engines.MemorySink();
        try (CaptureEngine big = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS.withTileHeight(16_000), new io.pagelens.memory.FixedAdmission(1),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), null, io.pagelens.testing.TestEgress.guard());
             CaptureEngine small = new CaptureEngine(Engines.browserConfig(), CaptureSettings.DEFAULTS.withTileHeight(700).withTileMethod(TileMethod.CLIP), new io.pagelens.memory.FixedAdmission(1),
                     new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), null, io.pagelens.testing.TestEgress.guard())) {
            assertThat(big.capture(r, oneShot).report().tiles()).isEqualTo(1);
            assertThat(small.capture(r, tiled).report().tiles()).isEqualTo(8);
        }
        BufferedImage a = Images.read(oneShot.bytes(Format.SCREENSHOT));
        BufferedImage b = Images.read(tiled.bytes(Format.SCREENSHOT));
        assertThat(b.getWidth()).isEqualTo(a.getWidth()).isEqualTo(900);
        assertThat(b.getHeight()).isEqualTo(a.getHeight()).isEqualTo(7500);
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y += 7) {
            for (int x = 0; x < a.getWidth(); x += 11) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) differing++;
            }
        }
        assertThat(differing).as("pixels differing between tiled and one-shot").isLessThan(100);
    }

    @Test
    void fullPage_longText_uncapped_matchesPageHeight() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("long/longtext.html").fullPage(true).maxHeight(200_000)
                .imageType(ImageType.JPEG).quality(70).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(r.report().heightCapped()).isFalse();
        assertThat(img.getHeight()).isEqualTo(r.report().pageHeight());
        assertThat(img.getHeight()).isGreaterThan(10_000);
        assertThat(r.report().tiles()).isGreaterThan(5);
        assertThat(Images.distinctColours(img)).isGreaterThan(2);
    }

    @Test
    void fullPage_shortPage_isOneShot_withScale() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("blog/index.html").fullPage(true).viewport(new Viewport(800, 600, 2)).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getWidth()).isEqualTo(1600);
        assertThat(img.getHeight()).isEqualTo(2 * r.report().pageHeight());
        assertThat(r.report().tiles()).isEqualTo(1);
    }

    @Test
    void webpAndJpeg_viewport() throws Exception {
        Engines.MemorySink webp = new Engines.MemorySink();
        engine.capture(req("blog/post.html").imageType(ImageType.WEBP).quality(60).build(), webp);
        byte[] w = webp.bytes(Format.SCREENSHOT);
        assertThat(new String(w, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(w, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");

        Engines.MemorySink jpeg = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("blog/post.html").imageType(ImageType.JPEG).quality(50).build(), jpeg);
        assertThat(Images.read(jpeg.bytes(Format.SCREENSHOT)).getWidth()).isEqualTo(1280);
        assertThat(r.artifacts().getFirst().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void fullPageWebp_isOneShot_cappedToBoundChromiumMemory() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("long/longtext.html").fullPage(true).imageType(ImageType.WEBP).build(), sink);
        assertThat(r.report().heightCapped()).isTrue();
        assertThat(r.report().tiles()).isEqualTo(1);
        assertThat(r.artifacts().getFirst().height()).isEqualTo(CaptureSettings.DEFAULT_WEBP_MAX_DEVICE_PX);
        assertThat(new String(sink.bytes(Format.SCREENSHOT), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    }

    @Test
    void selector_capturesTheElementBox() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("test/transparent").selector("#box").build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getWidth()).isEqualTo(200);
        assertThat(img.getHeight()).isEqualTo(100);
        assertThat(img.getRGB(100, 50) & 0xffffff).isEqualTo(0xff0000);
        assertThat(r.artifacts().getFirst().width()).isEqualTo(200);
    }

    @Test
    void selectorNotFound_isAClearError() {
        assertThatThrownBy(() -> engine.capture(req("test/transparent").selector("#nope").build(), new Engines.MemorySink()))
                .isInstanceOfSatisfying(CaptureException.class, e -> {
                    assertThat(e.error()).isEqualTo(CaptureError.SELECTOR_NOT_FOUND);
                    assertThat(e.getMessage()).contains("#nope");
                });
    }

    @Test
    void clip_capturesTheRectangle() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        engine.capture(req("blog/index.html").clip(new Clip(10, 1000, 300, 150)).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(150);
    }

    @Test
    void darkMode_switchesPrefersColorScheme() throws Exception {
        Engines.MemorySink light = new Engines.MemorySink();
        engine.capture(req("test/scheme").build(), light);
        Engines.MemorySink dark = new Engines.MemorySink();
        engine.capture(req("test/scheme").darkMode(true).build(), dark);
        assertThat(Images.luminance(Images.read(light.bytes(Format.SCREENSHOT)))).isGreaterThan(200);
        assertThat(Images.luminance(Images.read(dark.bytes(Format.SCREENSHOT)))).isLessThan(50);
    }

    @Test
    void omitBackground_leavesTransparentPixels() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        engine.capture(req("test/transparent").omitBackground(true).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getRGB(100, 50)).isEqualTo(0xffff0000); // the red box
        assertThat(img.getRGB(600, 400) >>> 24).isZero(); // no background
    }

    @Test
    void pdf_isStreamedAsPdf() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("blog/post.html").formats(Set.of(Format.PDF))
                .pdf(new PdfOptions(8.5, 11, 0.2, 0.2, 0.2, 0.2, true, true)).build(), sink);
        byte[] pdf = sink.bytes(Format.PDF);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(10_000);
        assertThat(r.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.bytes()).isEqualTo(pdf.length);
        });
        assertThat(sink.outputs).doesNotContainKey(Format.SCREENSHOT);
    }

    @Test
    void redirects_areReportedInTheChain() throws Exception {
        CaptureResult r = engine.capture(req("test/redirect").formats(Set.of(Format.HTML)).build(), new Engines.MemorySink());
        assertThat(r.report().redirectChain()).containsExactly(server.uri("test/redirect"), server.uri("blog/about.html"));
        assertThat(r.report().finalUrl()).isEqualTo(server.uri("blog/about.html"));
    }

    @Test
    void headersCookiesAndUserAgent_reachTheServer() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        engine.capture(req("test/echo").formats(Set.of(Format.HTML)).header("X-Pagelens-Test", "yes")
                .userAgent("pagelens-test/1.0").cookies(List.of(new Cookie("session", "abc123", null, null))).build(), sink);
        String html = sink.text(Format.HTML);
        assertThat(html).contains("<p id=\"cookie\">session=abc123</p>").contains("<p id=\"ua\">pagelens-test/1.0</p>")
                .contains("<p id=\"h\">yes</p>");
    }

    @Test
    void blockedResources_areReportedAsFailed() throws Exception {
        CaptureResult r = engine.capture(req("blog/index.html").blockResourceTypes(Set.of("stylesheet"))
                .blockUrlPatterns(List.of("*bg-masthead*")).build(), new Engines.MemorySink());
        assertThat(r.report().failedRequests()).anyMatch(f -> f.contains("styles.css") && f.contains("blocked"));
    }

    @Test
    void waitForSelector_waitsForLateElements() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        engine.capture(req("test/late").formats(Set.of(Format.HTML)).waitForSelector("#late").build(), sink);
        assertThat(sink.text(Format.HTML)).contains("arrived");
    }

    @Test
    void waitForSelector_thatNeverMatches_failsWithinTheTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.capture(req("test/late").waitForSelector("#never").timeout(Duration.ofSeconds(2)).build(),
                new Engines.MemorySink()))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isIn(CaptureError.SELECTOR_NOT_FOUND, CaptureError.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void autoScrollAndDelay_stillCapture() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = engine.capture(req("articles/ars-1/").autoScroll(true).delay(Duration.ofMillis(200)).build(), sink);
        assertThat(Images.read(sink.bytes(Format.SCREENSHOT)).getHeight()).isEqualTo(800);
        assertThat(r.report().timings().renderMs()).isGreaterThanOrEqualTo(200);
    }
}
