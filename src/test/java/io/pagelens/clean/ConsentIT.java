package io.pagelens.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * blockCookieBanners on local pages reproducing six consent platforms and two platform-less banners: the screenshot's
 * pixels where the banner was show the page, the report names the platform and what was done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentIT {
    CorpusServer site;
    CleanHarness harness;

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer();
        for (String name : ConsentPages.INSERT.keySet()) {
            site.route("/cmp/" + name, ex -> CorpusServer.send(ex, 200, "text/html; charset=utf-8", ConsentPages.page(name)));
        }
        site.route("/consent-frame", ex -> CorpusServer.send(ex, 200, "text/html; charset=utf-8", ConsentPages.FRAME));
        harness = new CleanHarness(false);
    }

    @AfterAll
    void stop() {
        if (harness != null) harness.close();
        if (site != null) site.close();
    }

    CleanHarness.Result capture(String page, boolean block) throws Exception {
        // waitFor the banner's insertion makes the page's state certain before the step (the script inserts it 300 ms after load)
        return harness.capture("{\"url\": \"" + site.url("cmp/" + page) + "\", \"formats\": [\"screenshot\", \"html\"],"
                + " \"delay\": 400, \"clean\": {\"blockCookieBanners\": " + block + "}}");
    }

    static int pixel(byte[] png, int x, int y) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        return img.getRGB(x, y) & 0xffffff;
    }

    static final int GREEN = 0x00aa00;
    static final int RED = 0xcc0000;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"onetrust, Onetrust", "cookiebot, Cybotcookiebot", "didomi, didomi", "quantcast, quantcast",
            "usercentrics, usercentrics-api", "cookieyes, cookieyes"})
    void platformBanner_isRejected_andThePageShowsWhereItWas(String page, String platform) throws Exception {
        CleanHarness.Result r = capture(page, true);
        JsonNode consent = r.step("consent");
        assertThat(consent.toString()).contains("{\"platform\":\"" + platform + "\",\"action\":\"rejected\"}");
        assertThat(r.html()).as("the platform's own reject handler ran").contains("data-rejected=\"" + page + "\"");
        assertThat(pixel(r.screenshot(), 640, 700)).isEqualTo(GREEN);
        assertThat(pixel(r.screenshot(), 20, 560)).isEqualTo(GREEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iframe-de, banner:#privacy-box", "backdrop-fr, backdrop:div.modal-backdrop"})
    void bannerWithoutAPlatform_isHidden_byHeuristics_andTheScrollLockUndone(String page, String element) throws Exception {
        CleanHarness.Result r = capture(page, true);
        JsonNode consent = r.step("consent");
        assertThat(consent.toString()).contains("\"platform\":\"heuristic\",\"action\":\"hidden\"").contains(element)
                .contains("{\"platform\":\"page\",\"action\":\"scrollUnlocked\"}");
        assertThat(pixel(r.screenshot(), 640, 700)).isEqualTo(GREEN);
        assertThat(pixel(r.screenshot(), 640, 100)).isEqualTo(GREEN);
    }

    @Test
    void withoutTheOption_theBannerIsInTheScreenshot() throws Exception {
        CleanHarness.Result r = capture("onetrust", false);
        assertThat(r.result().report().steps()).doesNotContainKey("consent");
        assertThat(pixel(r.screenshot(), 640, 700)).isEqualTo(RED);
        assertThat(r.html()).doesNotContain("data-rejected");
    }

    @Test
    void pageWithoutBanner_reportsNothing_andKeepsItsLayout() throws Exception {
        CleanHarness.Result r = harness.capture("{\"url\": \"" + site.url("blog/about.html") + "\", \"formats\": [\"html\"],"
                + " \"clean\": {\"blockCookieBanners\": true}}");
        assertThat(r.step("consent")).isEmpty();
    }
}
