package io.pagelens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.browser.BrowserSupervisor;
import io.pagelens.cdp.Command;
import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Commands;
import io.pagelens.cdp.EventType;
import io.pagelens.cdp.Events;
import io.pagelens.cdp.Subscription;
import io.pagelens.json.Jackson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real headless Chromium driven by pagelens's own CDP client, as a person's browser for the dashboard tests. Each
 * tab records console errors, uncaught exceptions, log errors (CSP violations, failed loads) and failed requests
 * (network errors and HTTP status 400+), so a test can demand that none happened; it also counts the bytes of
 * HTML, CSS and JS each screen loaded. {@link Tab#axe()} runs the vendored axe-core in the page.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path SHOTS = Path.of("target", "dashboard-shots");
    private static final EventType<JsonNode> LOG_ENTRY = new EventType<>("Log.entryAdded", p -> p.path("entry"));
    private static final EventType<JsonNode> LOADING_FINISHED = new EventType<>("Network.loadingFinished", p -> p);

    private final BrowserSupervisor supervisor;

    DashboardBrowser() {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        // only loopback resolves: the dashboard must work with no network at all
        supervisor = new BrowserSupervisor(BrowserConfig.defaults(bin, List.of("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--hide-scrollbars", "--font-render-hinting=none")), new SimpleMeterRegistry());
    }

    Tab open(int width, int height) throws Exception {
        return new Tab(supervisor.openTab(Instant.now().plus(TIMEOUT)), width, height);
    }

    @Override
    public void close() {
        supervisor.close();
    }

    /** One tab and what went wrong in it. */
    static final class Tab implements AutoCloseable {
        private final BrowserSupervisor.Tab tab;
        private final List<String> problems = new CopyOnWriteArrayList<>();
        private final Map<String, String> types = new ConcurrentHashMap<>();
        private final Map<String, Long> bytesByType = new ConcurrentHashMap<>();
        private final List<Subscription> subs = new ArrayList<>();
        private final int width;
        /** Problems a test expects (an error it provokes on purpose); matched ones are not reported. */
        private volatile Predicate<String> expected = s -> false;

        private Tab(BrowserSupervisor.Tab tab, int width, int height) throws Exception {
            this.tab = tab;
            this.width = width;
            CdpSession s = tab.session();
            subs.add(s.on(Events.CONSOLE, m -> {
                if (m.type().equals("error") || m.type().equals("assert")) problem("console." + m.type() + ": " + m.text());
            }));
            subs.add(s.on(Events.EXCEPTION, e -> problem("uncaught: " + e)));
            subs.add(s.on(LOG_ENTRY, e -> {
                if (e.path("level").asText().equals("error")) problem("log: " + e.path("text").asText() + " " + e.path("url").asText(""));
            }));
            subs.add(s.on(Events.RESPONSE_RECEIVED, r -> {
                types.put(r.requestId(), r.type());
                if (r.status() >= 400) problem("HTTP " + r.status() + " " + r.url());
            }));
            subs.add(s.on(Events.LOADING_FAILED, f -> {
                if (!f.canceled()) problem("request failed: " + f.errorText() + " (" + f.type() + ")");
            }));
            subs.add(s.on(LOADING_FINISHED, f -> {
                String type = types.getOrDefault(f.path("requestId").asText(), "Other");
                bytesByType.merge(type, f.path("encodedDataLength").asLong(), Long::sum);
            }));
            s.sendAll(List.of(Commands.pageEnable(), Commands.setLifecycleEventsEnabled(), Commands.runtimeEnable(), Commands.networkEnable(),
                    simple("Log.enable"), Commands.setDeviceMetrics(width, height, 1, false)), TIMEOUT);
        }

        private void problem(String p) {
            if (!expected.test(p)) problems.add(p);
        }

        /** Problems matching {@code p} are expected until the next call. */
        void expect(Predicate<String> p) {
            expected = p;
        }

        /** Fails when anything went wrong since the last check; clears the list. */
        void assertNoProblems(String where) {
            List<String> now = List.copyOf(problems);
            problems.clear();
            if (!now.isEmpty()) throw new AssertionError(where + ": console errors or failed requests: " + now);
        }

        /** Navigates and waits until {@code ready} (a JS expression) is true. */
        void go(String url, String ready) throws Exception {
            Commands.Navigation nav = tab.session().send(Commands.navigate(url), TIMEOUT);
            if (nav.errorText() != null && !nav.errorText().isEmpty()) throw new AssertionError("navigation to " + url + " failed: " + nav.errorText());
            waitFor(ready);
        }

        /** Waits until the expression is truthy; the message names it and the page's text when it never is. */
        void waitFor(String expression) throws Exception {
            long end = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                JsonNode v = eval("(() => { try { return !!(" + expression + "); } catch (e) { return false; } })()");
                if (v.asBoolean()) return;
                if (System.nanoTime() > end) {
                    throw new AssertionError("never true: " + expression + "; page: " + text("document.body ? document.body.innerText.slice(0, 600) : ''")
                            + "; problems: " + problems);
                }
                Thread.sleep(50);
            }
        }

        JsonNode eval(String expression) throws Exception {
            Commands.Evaluation e = tab.session().send(Commands.evaluate(expression), TIMEOUT);
            if (e.failed()) throw new AssertionError("script failed in the page: " + e.exception() + " in " + expression);
            return e.value();
        }

        String text(String expression) throws Exception {
            return eval(expression).asText();
        }

        /** Sets an input's value as typing would (input event), by CSS selector. */
        void fill(String selector, String value) throws Exception {
            eval("(() => { const e = document.querySelector(" + Jackson.MAPPER.writeValueAsString(selector) + "); e.value = "
                    + Jackson.MAPPER.writeValueAsString(value) + "; e.dispatchEvent(new Event('input', {bubbles: true})); })()");
        }

        void click(String selector) throws Exception {
            eval("document.querySelector(" + Jackson.MAPPER.writeValueAsString(selector) + ").click()");
        }

        /**
         * Runs axe-core (vendored, WCAG 2 A/AA rules) on the page; returns the serious and critical violations, each
         * as "rule: target" lines.
         */
        List<String> axe() throws Exception {
            if (!eval("typeof window.axe === 'object'").asBoolean()) eval(AXE.get());
            JsonNode r = eval("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                    + ".then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))");
            List<String> out = new ArrayList<>();
            r.forEach(n -> out.add(n.asText()));
            return out;
        }

        /** Saves a PNG of the viewport as a test artifact under target/dashboard-shots/. */
        Path screenshot(String name) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tab.session().send(Commands.captureScreenshot("png", null, null, false, false), out, TIMEOUT);
            Files.createDirectories(SHOTS);
            Path p = SHOTS.resolve(name + ".png");
            Files.write(p, out.toByteArray());
            return p;
        }

        /** Bytes received by resource type (Document, Stylesheet, Script, Image, Fetch...) since the last call; resets. */
        Map<String, Long> takeBytes() {
            Map<String, Long> copy = Map.copyOf(bytesByType);
            bytesByType.clear();
            return copy;
        }

        CdpSession session() {
            return tab.session();
        }

        int width() {
            return width;
        }

        @Override
        public void close() {
            subs.forEach(Subscription::close);
            tab.close();
        }
    }

    private static Command<Void> simple(String method) {
        return new Command<>(method, JsonNodeFactory.instance.objectNode(), r -> null);
    }

    /** axe-core's source, read once from the vendored copy (src/test/resources/io/pagelens/web/axe, bin/refresh-axe). */
    private static final java.util.function.Supplier<String> AXE = new java.util.function.Supplier<>() {
        private volatile String src;

        @Override
        public String get() {
            if (src == null) {
                try (InputStream in = DashboardBrowser.class.getResourceAsStream("axe/axe.min.js")) {
                    if (in == null) throw new IllegalStateException("axe-core is missing: run bin/refresh-axe");
                    src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return src;
        }
    };
}
