package io.pagelens.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.browser.BrowserSupervisor;
import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Commands;
import io.pagelens.cdp.Events;
import io.pagelens.cdp.Subscription;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real Chromium for the analysis tests, through {@link BrowserSupervisor} directly (the capture pipeline's page steps
 * will run the same scripts): one tab per {@link Page}, closed-network flags, loads awaited on lifecycle events.
 */
public final class TestBrowser implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> ARGS = List.of("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--hide-scrollbars", "--font-render-hinting=none");

    private final BrowserSupervisor supervisor;

    public TestBrowser() {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        this.supervisor = new BrowserSupervisor(BrowserConfig.defaults(bin, ARGS), new SimpleMeterRegistry());
    }

    /** A new tab with the given viewport, lifecycle events on. */
    public Page open(int width, int height) throws Exception {
        BrowserSupervisor.Tab tab = supervisor.openTab(Instant.now().plus(TIMEOUT));
        Page page = new Page(tab, width);
        page.session().sendAll(List.of(Commands.pageEnable(), Commands.setLifecycleEventsEnabled(), Commands.runtimeEnable(),
                Commands.setDeviceMetrics(width, height, 1, false)), TIMEOUT);
        return page;
    }

    @Override
    public void close() {
        supervisor.close();
    }

    /** One tab. */
    public static final class Page implements AutoCloseable {
        private final BrowserSupervisor.Tab tab;
        private final int width;
        private final List<Events.Lifecycle> lifecycle = new CopyOnWriteArrayList<>();
        private final Subscription subscription;

        private Page(BrowserSupervisor.Tab tab, int width) {
            this.tab = tab;
            this.width = width;
            this.subscription = tab.session().on(Events.LIFECYCLE, lifecycle::add);
        }

        public CdpSession session() {
            return tab.session();
        }

        /** Adds a script that runs before the page's own, from the next navigation on. */
        public Page init(String source) throws Exception {
            session().send(PageScripts.initScript(source), TIMEOUT);
            return this;
        }

        /** Navigates and waits for the main frame's load event, then for web fonts. */
        public Page navigate(String url) throws Exception {
            Commands.Navigation nav = session().send(Commands.navigate(url), TIMEOUT);
            if (nav.errorText() != null && !nav.errorText().isEmpty()) throw new IllegalStateException("navigation failed: " + nav.errorText());
            long end = System.nanoTime() + TIMEOUT.toNanos();
            while (lifecycle.stream().noneMatch(e -> e.name().equals("load") && e.loaderId().equals(nav.loaderId()))) {
                if (System.nanoTime() > end) throw new IllegalStateException("no load event for " + url);
                Thread.sleep(20);
            }
            evaluate("document.fonts.ready.then(() => true)");
            return this;
        }

        public JsonNode evaluate(String expression) throws Exception {
            return PageScripts.evaluate(session(), expression, TIMEOUT, "test");
        }

        /** A PNG of the viewport, or of the whole page when {@code fullPage}. */
        public byte[] screenshot(boolean fullPage) throws Exception {
            Commands.Region clip = null;
            if (fullPage) {
                Commands.LayoutMetrics m = session().send(Commands.getLayoutMetrics(), TIMEOUT);
                clip = new Commands.Region(0, 0, width, Math.ceil(m.contentHeight()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            session().send(Commands.captureScreenshot("png", null, clip, fullPage, false), out, TIMEOUT);
            return out.toByteArray();
        }

        @Override
        public void close() {
            subscription.close();
            tab.close();
        }
    }
}
