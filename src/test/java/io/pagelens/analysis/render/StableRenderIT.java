package io.pagelens.analysis.render;

import io.pagelens.analysis.SiteServer;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.analysis.diff.DiffOptions;
import io.pagelens.analysis.diff.DiffOutputs;
import io.pagelens.analysis.diff.DiffResult;
import io.pagelens.analysis.diff.VisualDiff;
import io.pagelens.cdp.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two captures of an unchanged page full of motion: different without the stable render, identical with it. */
class StableRenderIT {
    private static TestBrowser browser;
    private static SiteServer site;

    @BeforeAll
    static void start() throws Exception {
        browser = new TestBrowser();
        site = new SiteServer(Path.of(StableRenderIT.class.getResource("animated.html").toURI()).getParent());
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (browser != null) browser.close();
    }

    /** Loads the page in a new tab, optionally freezes it, waits {@code settleMs}, and takes a viewport PNG. */
    private static byte[] capture(boolean stable, long settleMs, StableRenderReport[] report) throws Exception {
        try (TestBrowser.Page page = browser.open(640, 400)) {
            page.session().send(new io.pagelens.cdp.Command<Void>("Emulation.setFocusEmulationEnabled",
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("enabled", true), r -> null), TestBrowser.TIMEOUT);
            if (stable) StableRender.install(page.session(), TestBrowser.TIMEOUT);
            page.navigate(site.url("/animated.html"));
            page.evaluate("new Promise(r => { const v = document.querySelector('video'); if (v.readyState >= 2) r(true); else v.addEventListener('loadeddata', () => r(true)); })");
            if (stable) report[0] = StableRender.apply(page.session(), StableRender.DEFAULT_TIMEOUT);
            Thread.sleep(settleMs);
            return page.screenshot(false);
        }
    }

    private static DiffResult diff(byte[] a, byte[] b) throws Exception {
        return VisualDiff.compare(new ByteArrayInputStream(a), "first", new ByteArrayInputStream(b), "second",
                DiffOptions.DEFAULTS, DiffOutputs.NONE);
    }

    @Test
    void unchangedAnimatedPage_diffsToZero_withStableRender() throws Exception {
        StableRenderReport[] report = new StableRenderReport[1];
        byte[] first = capture(true, 0, report);
        byte[] second = capture(true, 900, report);
        DiffResult r = diff(first, second);
        assertThat(r.changedPixels()).as("changed pixels between two stable captures: %s", r.regions()).isZero();
        assertThat(r.antiAliasedPixels()).isZero();
        StableRenderReport last = report[0];
        assertThat(last.animationsCancelled()).as("spinner, pulse").isGreaterThanOrEqualTo(2);
        assertThat(last.animationsFinished()).as("the slide (and the transition if it had started)").isGreaterThanOrEqualTo(1);
        assertThat(last.videosPaused()).isEqualTo(1);
        assertThat(last.gifsFrozen()).isEqualTo(1);
        assertThat(last.gifsNotFrozen()).isZero();
        assertThat(last.svgsPaused()).isEqualTo(1);
        assertThat(last.timeouts()).isEmpty();
    }

    @Test
    void withoutStableRender_theSamePageDiffers() throws Exception {
        byte[] first = capture(false, 0, null);
        byte[] second = capture(false, 900, null);
        assertThat(diff(first, second).changedPixels()).isGreaterThan(500);
    }

    @Test
    void afterLoadExpression_isOneCallableExpression() {
        assertThat(StableRender.afterLoadExpression(java.time.Duration.ofSeconds(3))).startsWith("(async").endsWith(")(3000)");
        assertThat(StableRender.initScript()).contains("caret-color: transparent");
        assertThat(Commands.evaluate(StableRender.afterLoadExpression(java.time.Duration.ofSeconds(1))).params().path("awaitPromise").asBoolean()).isTrue();
    }
}
