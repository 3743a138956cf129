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

    static CorpusServer server;
    static CaptureEngine scroll;
    static CaptureEngine oneShot;

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
        server.route("/test/bands", ex -> CorpusServer.send(ex, 200, "text/html", bands()));
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
        scroll = engine(CaptureSettings.DEFAULTS);
        oneShot = engine(CaptureSettings.DEFAULTS.withTileHeight(16_000));
    }

    private static CaptureEngine engine(CaptureSettings settings) {
        return new CaptureEngine(Engines.browserConfig(), settings, new FixedAdmission(1), new SimpleMeterRegistry(), null,
                io.pagelens.testing.TestEgress.guard());
    }

    @AfterAll
    static void stop() {
        scroll.close();
        oneShot.close();
        server.close();
    }

    private static String bands() {
        // 5,000 px of 100 px colour bands with a label each: any misplaced tile shows as wrong colours
        StringBuilder html = new StringBuilder("<html><body style='margin:0'>");
        for (int i = 0; i < 50; i++) {
            html.append("<div style='height:100px;font:20px monospace;background:rgb(").append(i * 5).append(',')
                    .append(255 - i * 5).append(',').append((i * 37) % 256).append(")'>band ").append(i).append("</div>");
        }
        return html.append("</body></html>").toString();
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
    void shortViewport_fallsBackToClipTiles() throws Exception {
        Engines.MemorySink sink = new Engines.MemorySink();
        CaptureResult r = scroll.capture(CaptureRequest.builder(server.url("test/bands")).fullPage(true)
                .viewport(new Viewport(600, ScrollTiles.MIN_VIEWPORT_HEIGHT - 50, 1)).build(), sink);
        assertThat(r.report().tiles()).as("5,000 px in 2,000 px clips").isEqualTo(3);
        assertThat(Images.read(sink.bytes(Format.SCREENSHOT)).getHeight()).isEqualTo(5000);
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
