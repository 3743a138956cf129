package io.pagelens.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Chromium: full pages taken in scroll tiles, against pages built to expose misplaced or repeated tiles. */
class FullPageTilesIT {
    static final int RED = 0xff0000, BLUE = 0x0000ff, GREEN = 0x00ff00, WHITE = 0xffffff;

    static final java.util.concurrent.atomic.AtomicReference<byte[]> STITCHED = new java.util.concurrent.atomic.AtomicReference<>(new byte[0]);
    static CorpusServer server;
    static CaptureEngine scroll;
    static CaptureEngine oneShot;

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
        server.route("/test/bands", ex -> CorpusServer.send(ex, 200, "text/html", bands()));
        server.route("/test/stitched.png", ex -> CorpusServer.send(ex, 200, "image/png", STITCHED.get()));
        // Chromium's own PNG decoder reads the stitched image; a hash of every pixel's RGB goes into the page
        server.route("/test/decode", ex -> CorpusServer.send(ex, 200, "text/html", """
                <html><body><p id=out></p><script>(async () => {
                  const img = new Image(); img.src = '/test/stitched.png';
                  try { await img.decode(); } catch (e) { out.id = 'done'; out.textContent = 'decode failed: ' + e; return; }
                  const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
                  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                  const d = g.getImageData(0, 0, c.width, c.height).data; let h = 0;
                  for (let i = 0; i < d.length; i += 4) { h = (Math.imul(h, 31) + d[i]) >>> 0; h = (Math.imul(h, 31) + d[i + 1]) >>> 0;
                    h = (Math.imul(h, 31) + d[i + 2]) >>> 0; }
                  out.textContent = c.width + 'x' + c.height + ' ' + h; out.id = 'done'; })();</script></body></html>"""));
        // a fixed bar whose red child insists on being visible, a sticky blue band at y=3000, an element a scroll handler makes fixed (green), smooth scrolling
        server.route("/test/pinned", ex -> CorpusServer.send(ex, 200, "text/html", """
                <html style="scroll-behavior:smooth"><body style="margin:0;background:#fff">
                <div style="position:fixed;top:0;left:0;right:0"><div style="visibility:visible;height:50px;background:#f00"></div></div>
                <div style="height:3000px"></div>
                <div style="position:sticky;top:0;height:100px;background:#00f"></div>
                <div id=late style="height:60px;width:100px;background:#0f0;display:none"></div>
                <div style="height:4900px"></div>
                <script>addEventListener('scroll', () => { const e = document.getElementById('late');
                  if (scrollY > 500) { e.style.cssText = 'position:fixed;bottom:0;left:0;height:60px;width:100px;background:#0f0'; } });</script>
                </body></html>"""));
        // elements made fixed after the first tile in ways a per-tile check must notice: a class on a container
        // (green, its subtree), a class on <body> (blue), a rule inserted through the CSSOM (red), a later sibling (black)
        server.route("/test/made-fixed", ex -> CorpusServer.send(ex, 200, "text/html", """
                <html><head><style>
                  .on #a { position: fixed; bottom: 0; left: 0 } body.on #b { position: fixed; bottom: 0; left: 100px }
                  .on ~ #d { position: fixed; bottom: 0; left: 300px }
                </style></head><body style="margin:0;background:#fff">
                <div id=box><div id=a style="height:60px;width:100px;background:#0f0;display:block"></div></div>
                <div id=b style="height:60px;width:100px;background:#00f"></div>
                <div id=c style="height:60px;width:100px;background:#f00"></div>
                <div id=trigger></div><div id=d style="height:60px;width:100px;background:#000"></div>
                <div style="height:8000px"></div>
                <script>const steps = [[500, () => document.getElementById('box').className = 'on'],
                    [1500, () => document.getElementById('trigger').className = 'on'],
                    [2500, () => document.styleSheets[0].insertRule('#c { position: fixed; bottom: 0; left: 200px }', 0)],
                    [3500, () => document.body.className = 'on']];
                  // one change per tile, so that each way of noticing it is tested on its own
                  addEventListener('scroll', () => { while (steps.length && scrollY >= steps[0][0]) steps.shift()[1](); });</script>
                </body></html>"""));
        scroll = engine(CaptureSettings.DEFAULTS);
        // Chromium's default (not optimizeForSpeed) encoder for the reference: fast tiles must decode to the same pixels
        oneShot = engine(CaptureSettings.DEFAULTS.withTileHeight(16_000).withOptimizeForSpeed(false));
    }

    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    private static CaptureEngine engine(CaptureSettings settings) {
        return new CaptureEngine(Engines.browserConfig(), settings, new FixedAdmission(1), METERS, null,
                io.pagelens.testing.TestEgress.guard());
    }

    private static double tiles(String splice) {
        return METERS.counter(io.pagelens.observe.MeterNames.PNG_TILES, "splice", splice).count();
    }

    @AfterAll
    static void stop() {
        scroll.close();
        oneShot.close();
        server.close();
    }

    private static String bands() {
        // 5,000 px of 100 px colour bands with a label each: any misplaced tile shows as wrong colours
        return "<html><body style='margin:0'>" + bandDivs() + "</body></html>";
    }

    private static String bandDivs() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            html.append("<div style='height:100px;font:20px monospace;background:rgb(").append(i * 5).append(',')
                    .append(255 - i * 5).append(',').append((i * 37) % 256).append(")'>band ").append(i).append("</div>");
        }
        return html.toString();
    }

    @Test
    void stitchedFullPage_isPixelIdenticalToOneShot() throws Exception {
        // every pixel: the optimizeForSpeed tiles, spliced without decoding, against Chromium's default encoder in one piece
        CaptureRequest r = CaptureRequest.builder(server.url("test/bands")).fullPage(true).viewport(new Viewport(600, 400, 1)).build();
        Engines.MemorySink one = new Engines.MemorySink();
        Engines.MemorySink tiled = new Engines.MemorySink();
        assertThat(oneShot.capture(r, one).report().tiles()).isEqualTo(1);
        double copied = tiles("copied"), recompressed = tiles("recompressed");
        assertThat(scroll.capture(r, tiled).report().tiles()).as("5,000 px in 400 px viewports").isEqualTo(13);
        // Chromium's own tile streams are joined as they are, none inflated and deflated again
        assertThat(tiles("copied") - copied).isEqualTo(13);
        assertThat(tiles("recompressed") - recompressed).isZero();
        BufferedImage a = Images.read(one.bytes(Format.SCREENSHOT));
        assertThat(a.getHeight()).isEqualTo(5000);
        assertThat(allDiffering(a, Images.read(tiled.bytes(Format.SCREENSHOT)))).as("scroll tiles vs one shot").isZero();
    }

    @Test
    void stitchedPng_decodesInChromium_toTheSamePixels() throws Exception {
        // the joined stream has edited Huffman codes and padding blocks: a browser's decoder must read it as the JDK's does
        Engines.MemorySink tiled = new Engines.MemorySink();
        scroll.capture(CaptureRequest.builder(server.url("test/bands")).fullPage(true).viewport(new Viewport(600, 400, 1)).build(), tiled);
        STITCHED.set(tiled.bytes(Format.SCREENSHOT));
        BufferedImage img = Images.read(STITCHED.get());
        int h = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                h = h * 31 + (p >>> 16 & 0xff);
                h = h * 31 + (p >>> 8 & 0xff);
                h = h * 31 + (p & 0xff);
            }
        }
        Engines.MemorySink page = new Engines.MemorySink();
        scroll.capture(CaptureRequest.builder(server.url("test/decode")).waitForSelector("#done").formats(Set.of(Format.HTML)).build(), page);
        assertThat(page.text(Format.HTML)).contains("<p id=\"done\">600x5000 " + Integer.toUnsignedLong(h) + "</p>");
    }

    @Test
    void jpegFromDecodedFastTiles_matchesTheOneShotPng_bandByBand() throws Exception {
        // the other path: optimizeForSpeed PNG tiles decoded to rows (TiledImage) and encoded as JPEG by the JDK
        Engines.MemorySink png = new Engines.MemorySink();
        Engines.MemorySink jpeg = new Engines.MemorySink();
        oneShot.capture(CaptureRequest.builder(server.url("test/bands")).fullPage(true).viewport(new Viewport(600, 400, 1)).build(), png);
        CaptureResult r = scroll.capture(CaptureRequest.builder(server.url("test/bands")).fullPage(true).viewport(new Viewport(600, 400, 1))
                .imageType(ImageType.JPEG).quality(95).build(), jpeg);
        assertThat(r.report().tiles()).isEqualTo(13);
        BufferedImage a = Images.read(png.bytes(Format.SCREENSHOT));
        BufferedImage b = Images.read(jpeg.bytes(Format.SCREENSHOT));
        assertThat(b.getHeight()).isEqualTo(a.getHeight()).isEqualTo(5000);
        for (int band = 0; band < 50; band++) {
            long err = 0, n = 0;
            for (int y = band * 100 + 30; y < band * 100 + 100; y++) { // below the label
                for (int x = 300; x < 600; x += 3, n++) {
                    int p = a.getRGB(x, y), q = b.getRGB(x, y);
                    for (int sh = 0; sh <= 16; sh += 8) err += Math.abs((p >> sh & 0xff) - (q >> sh & 0xff));
                }
            }
            assertThat(err / (3.0 * n)).as("mean error per channel in band %d", band).isLessThan(4.0);
        }
    }

    @Test
    void scrollTiles_stitchToTheSameImageAsOneShot() throws Exception {
        CaptureRequest r = CaptureRequest.builder(server.url("test/bands")).fullPage(true).viewport(new Viewport(600, 400, 1.5)).build();
        Engines.MemorySink one = new Engines.MemorySink();
        Engines.MemorySink tiled = new Engines.MemorySink();
        assertThat(oneShot.capture(r, one).report().tiles()).isEqualTo(1);
        assertThat(scroll.capture(r, tiled).report().tiles()).as("5,000 px in 400 px viewports").isEqualTo(13);
        BufferedImage a = Images.read(one.bytes(Format.SCREENSHOT));
        BufferedImage b = Images.read(tiled.bytes(Format.SCREENSHOT));
        assertThat(b.getWidth()).isEqualTo(a.getWidth()).isEqualTo(900);
        assertThat(b.getHeight()).isEqualTo(a.getHeight()).isEqualTo(7500);
        assertThat(differing(a, b)).as("pixels differing between scroll tiles and one shot").isLessThan(100);
    }

    @Test
    void scrollTiles_showFixedOnce_stickyInItsPlace_andLeaveThePageAsItWas() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = scroll.capture(CaptureRequest.builder(server.url("test/pinned")).fullPage(true)
                .viewport(new Viewport(400, 600, 1)).formats(Set.of(Format.SCREENSHOT, Format.HTML)).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        assertThat(img.getHeight()).isEqualTo(8000);
        assertThat(r.report().tiles()).isEqualTo(14);
        for (int y = 0; y < img.getHeight(); y += 10) {
            int rgb = img.getRGB(200, y) & 0xffffff;
            int expected = y < 50 ? RED : (y >= 3000 && y < 3100) ? BLUE : WHITE;
            assertThat(rgb).as("colour at y=%d", y).isEqualTo(expected);
            assertThat(img.getRGB(50, y) & 0xffffff).as("no scroll-made fixed element at y=%d", y).isNotEqualTo(GREEN);
        }
        String html = sink.text(Format.HTML);
        assertThat(html).doesNotContain("important").contains("<html style=\"scroll-behavior:smooth\">");
    }

    @Test
    void scrollTiles_hideElementsMadeFixedAfterTheFirstTile_howeverTheyBecameFixed() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        scroll.capture(CaptureRequest.builder(server.url("test/made-fixed")).fullPage(true).viewport(new Viewport(500, 600, 1)).build(), sink);
        BufferedImage img = Images.read(sink.bytes(Format.SCREENSHOT));
        for (int y = 300; y < img.getHeight(); y += 5) {
            for (int x = 0; x < 400; x += 25) {
                assertThat(img.getRGB(x, y) & 0xffffff).as("no element made fixed repeated at %d,%d", x, y).isEqualTo(WHITE);
            }
        }
    }

    @Test
    void shortViewport_fallsBackToClipTiles() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = scroll.capture(CaptureRequest.builder(server.url("test/bands")).fullPage(true)
                .viewport(new Viewport(600, ScrollTiles.MIN_VIEWPORT_HEIGHT - 50, 1)).build(), sink);
        assertThat(r.report().tiles()).as("5,000 px in 2,000 px clips").isEqualTo(3);
        assertThat(Images.read(sink.bytes(Format.SCREENSHOT)).getHeight()).isEqualTo(5000);
    }

    private static long allDiffering(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
            }
        }
        return n;
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 7) {
            for (int x = 0; x < a.getWidth(); x += 11) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
            }
        }
        return n;
    }
}
