package io.pagelens.web;

import com.fasterxml.jackson.databind.JsonNode;

import com.sun.net.httpserver.HttpExchange;
import io.pagelens.cdp.Commands;
import io.pagelens.json.Jackson;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium, driven by pagelens's own CDP client, against pagelens on 127.0.0.1 with
 * a real capture engine: sign in with the one-time link, create a project, capture a page and see its screenshot,
 * its Markdown and its thumbnail, watch the memory chart update, and use it at phone width. Every screen is checked
 * with axe-core (no serious or critical violations), saved as a screenshot under target/dashboard-shots/, and must
 * have caused no console error and no failed request. The steps build on each other, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    static final String SHOP = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Alpine Coffee Shop</title>
            <meta name="description" content="Roasted in the mountains"></head>
            <body style="margin:0;font:18px sans-serif">
            <header style="background:#2d4a3e;color:#fff;padding:30px"><h1>Alpine Coffee Shop</h1></header>
            <main style="padding:30px">
            <h2>Our beans</h2><p>Single-origin coffee, <strong>roasted weekly</strong>. See the <a href="/shop/beans">bean list</a>
            or <a href="/shop/about">about us</a>.</p>
            <ul><li>Ethiopia Guji</li><li>Colombia Huila</li></ul>
            <div style="height:2600px;background:linear-gradient(#f4e9dc,#c9a77c)"></div>
            <p>Visit us in the valley.</p><p>Today's special: VISIT</p></main></body></html>""";

    static final String[] SPECIALS = {"espresso", "cortado", "flat white"};
    final java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();
    DashboardServer server;
    DashboardBrowser browser;
    CorpusServer site;
    DashboardBrowser.Tab tab;
    String projectId;
    final Map<String, Map<String, Long>> weights = new TreeMap<>();

    @BeforeAll
    void start() throws Exception {
        server = new DashboardServer(true);
        // the home page changes on every request, so two versions of it differ (one line of text)
        site = new CorpusServer().route("/shop/", ex -> html(ex, SHOP.replace("VISIT", SPECIALS[visits.getAndIncrement() % SPECIALS.length])))
                .route("/shop/beans", ex -> html(ex, page("Bean list", "<h1>Bean list</h1><p>Guji, Huila.</p><a href=\"/shop/\">home</a>")))
                .route("/shop/about", ex -> html(ex, page("About us", "<h1>About us</h1><p>Roasters since 1990.</p><a href=\"/shop/\">home</a>")));
        browser = new DashboardBrowser();
        tab = browser.open(1280, 900);
    }

    @AfterAll
    void stop() throws Exception {
        Files.createDirectories(DashboardBrowser.SHOTS);
        Files.writeString(DashboardBrowser.SHOTS.resolve("transfer-by-screen.json"), Jackson.PRETTY.writeValueAsString(weights));
        if (tab != null) tab.close();
        if (browser != null) browser.close();
        if (site != null) site.close();
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void signsInWithTheOneTimeLink() throws Exception {
        tab.go(server.origin() + "/", "document.querySelector('form[action=\"/login\"]')");
        assertThat(tab.text("document.querySelector('h1').textContent")).isEqualTo("Sign in");
        screen("signin");

        tab.go(server.loginLink(), "document.querySelector('main').innerText.includes('No projects yet')");
        assertThat(tab.text("document.querySelector('.signout button').textContent")).contains("dashboard");
        assertThat(tab.text("document.querySelector('main').innerText")).contains("No projects yet");
        screen("projects-empty");
    }

    @Test
    @Order(2)
    void createsAProject_andShowsAConflictAsAMessage() throws Exception {
        tab.fill("#p-name", "coffee");
        tab.fill("#p-site", site.url("/shop/"));
        tab.click("main form button[type=submit]");
        tab.waitFor("location.hash.startsWith('#/projects/prj') && document.querySelector('main h1').textContent === 'Project coffee'"
                + " && document.querySelector('main').innerText.includes('No pages captured yet')");
        projectId = tab.text("decodeURIComponent(location.hash.split('/')[2])");
        assertThat(tab.text("document.querySelector('main').innerText")).contains("No pages captured yet").contains(site.url("/shop/"));
        screen("project-empty");

        tab.eval("location.hash = '#/projects'");
        tab.waitFor("document.querySelector('main table a')?.textContent === 'coffee'");
        tab.expect(p -> p.contains("409")); // provoked: the same name again
        tab.fill("#p-name", "coffee");
        tab.click("main form button[type=submit]");
        tab.waitFor("document.querySelector('[role=alert]')");
        assertThat(tab.text("document.querySelector('[role=alert]').textContent")).contains("a project named 'coffee' exists").contains("field: name");
        tab.expect(p -> false);
        screen("projects-error");
    }

    @Test
    @Order(3)
    void capturesAPage_andShowsItsScreenshotMarkdownAndThumbnail() throws Exception {
        tab.eval("location.hash = '#/capture?project=coffee'");
        tab.waitFor("document.querySelector('#c-url')");
        assertThat(tab.text("document.querySelector('#c-project').value")).isEqualTo("coffee");
        screen("capture-form");

        tab.fill("#c-url", site.url("/shop/"));
        tab.fill("#c-type", "home");
        tab.waitFor("document.querySelector('input[data-group=analysis][name=brand]')"); // from the served OpenAPI schema
        tab.click("input[data-group=analysis][name=brand]");
        tab.click("main form button[type=submit]");
        tab.waitFor("location.hash.startsWith('#/captures/') && [...document.querySelectorAll('#preview img')].length === 2"
                + " && [...document.querySelectorAll('#preview img')].every(i => i.complete && i.naturalWidth === 640)");
        assertThat(tab.text("document.querySelector('main h1').textContent")).isEqualTo("Alpine Coffee Shop");
        // the first tile is the page's top, downscaled: 2048 source rows at 640/1280
        assertThat(tab.eval("document.querySelector('#preview img').naturalHeight").asInt()).isEqualTo(1024);
        screen("capture-screenshot");

        tab.click("#tab-markdown");
        tab.waitFor("document.querySelector('#md-rendered h2')?.textContent === 'Alpine Coffee Shop'");
        assertThat(tab.text("document.querySelector('#md-rendered').innerText")).contains("roasted weekly");
        assertThat(tab.eval("document.querySelector('#md-rendered strong')?.textContent").asText()).isEqualTo("roasted weekly");
        tab.click("[role=tabpanel] button[aria-pressed]");
        tab.waitFor("!document.querySelector('#md-raw').hidden && document.querySelector('#md-raw').textContent.includes('**roasted weekly**')");
        screen("capture-markdown");

        tab.click("#tab-brand");
        tab.waitFor("document.querySelector('#brand .palette li')");
        assertThat(tab.text("document.querySelector('#brand').innerText")).contains("Palette").contains("primary #2D4A3E").contains("Fonts");
        screen("capture-brand");

        tab.click("#tab-report");
        tab.waitFor("document.querySelector('main').innerText.includes('Console errors')");
        assertThat(tab.text("document.querySelector('main').innerText")).contains("HTTP status").contains("totalMs");
        screen("capture-report");

        tab.eval("location.hash = '#/projects/" + projectId + "'");
        tab.waitFor("[...document.querySelectorAll('.gallery img')].length === 1 && document.querySelector('.gallery img').complete"
                + " && document.querySelector('.gallery img').naturalWidth === 320");
        assertThat(tab.eval("document.querySelector('.gallery img').naturalHeight").asInt()).isEqualTo(240);
        assertThat(tab.text("document.querySelector('main').innerText")).contains("home").contains("Alpine Coffee Shop");
        screen("project");
    }

    @Test
    @Order(4)
    void showsTheHistoryOfAPage_twoVersionsSideBySide() throws Exception {
        // the same page with the same options again: its second version
        tab.eval("location.hash = '#/capture?project=coffee'");
        tab.waitFor("document.querySelector('#c-url')");
        tab.fill("#c-url", site.url("/shop/"));
        tab.fill("#c-type", "home");
        tab.waitFor("document.querySelector('input[data-group=analysis][name=brand]')");
        tab.click("input[data-group=analysis][name=brand]"); // the same options as version 1
        tab.click("main form button[type=submit]");
        tab.waitFor("location.hash.startsWith('#/captures/') && document.querySelector('main').innerText.includes('version 2')");
        tab.eval("location.hash = location.hash + '/history'");
        tab.waitFor("document.querySelectorAll('#side-by-side img').length === 2 && [...document.querySelectorAll('#side-by-side img')].every(i => i.complete && i.naturalWidth === 640)");
        assertThat(tab.text("document.querySelector('main').innerText")).contains("2 versions").contains("v1").contains("v2");
        assertThat(tab.text("document.querySelector('#side-by-side').innerText")).contains("A: v1").contains("B: v2");
        // the analysis diff of v2 against v1: the changed line boxed on the screenshot, and in the text diff
        tab.waitFor("document.querySelector('#diff-summary')");
        assertThat(tab.text("document.querySelector('#diff-summary').textContent")).contains("region");
        assertThat(tab.eval("document.querySelectorAll('#diff-regions rect').length").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(tab.text("document.querySelector('#diff-text').textContent")).contains("-Today's special: espresso").contains("+Today's special: cortado");
        tab.waitFor("[...document.querySelectorAll('.overlay img')].every(i => i.complete && i.naturalWidth === 640)");
        tab.eval("document.querySelector('#diff').scrollIntoView()");
        screen("history");
    }

    @Test
    @Order(5)
    void startsACrawl_andWatchesTheCountsRise() throws Exception {
        tab.eval("location.hash = '#/crawls?project=coffee'");
        tab.waitFor("document.querySelector('#cr-url')?.value === " + Jackson.MAPPER.writeValueAsString(site.url("/shop/")));
        screen("crawls");
        tab.fill("#cr-limit", "3");
        tab.fill("#cr-include", "^/shop/");
        tab.eval("document.querySelector('#cr-sitemap').value = 'skip'");
        tab.click("main form button[type=submit]");
        tab.waitFor("location.hash.startsWith('#/crawls/') && document.querySelector('#crawl-counts [data-count=done]')");
        tab.waitFor("+document.querySelector('#crawl-counts [data-count=done]').textContent >= 1");
        tab.waitFor("document.querySelector('#crawl-state strong')?.textContent === 'completed'");
        assertThat(tab.eval("+document.querySelector('#crawl-counts [data-count=done]').textContent").asInt()).isEqualTo(3);
        tab.waitFor("document.querySelectorAll('#crawl-gallery img').length === 3 && [...document.querySelectorAll('#crawl-gallery img')].every(i => i.complete && i.naturalWidth === 320)");
        assertThat(tab.text("document.querySelector('#crawl-gallery').innerText")).contains("/shop/beans").contains("/shop/about");
        screen("crawl-done");
    }

    @Test
    @Order(6)
    void createsAVariant_andShowsControlAndVariantSideBySide() throws Exception {
        tab.eval("location.hash = '#/variants?project=coffee'");
        tab.waitFor("document.querySelector('#v-name') && document.querySelector('main').innerText.includes('No variants yet')");
        tab.fill("#v-name", "bold-title");
        tab.fill("#v-mutations [name=selector]", "h1");
        tab.eval("document.querySelector('#v-mutations [name=action]').value = 'setText'");
        tab.fill("#v-mutations [name=value]", "Mountain Coffee");
        tab.click("main form button[type=submit]");
        tab.waitFor("document.querySelector('#v-list')?.innerText.includes('bold-title')");
        assertThat(tab.text("document.querySelector('#v-list').innerText")).contains("setText h1");
        tab.click("#v-list button");
        tab.waitFor("document.querySelectorAll('#v-side img').length === 2 && [...document.querySelectorAll('#v-side img')].every(i => i.complete && i.naturalWidth === 640)");
        // the variant's new title shows in the diff of control and variant
        tab.waitFor("document.querySelector('#v-diff #diff-text')");
        assertThat(tab.text("document.querySelector('#v-diff #diff-text').textContent")).containsPattern("(?m)^\\+.*Mountain Coffee");
        assertThat(tab.eval("document.querySelectorAll('#v-diff #diff-regions rect').length").asInt()).isGreaterThanOrEqualTo(1);
        screen("variants");

        // the selector picker: two list items on the shop page, two outlined boxes, inside the screenshot
        String go = "#v-pick-h + label + .row button";
        tab.fill("#v-pick-sel", "main li");
        tab.click(go);
        tab.waitFor("document.querySelector('#v-pick-count') && document.querySelector('#v-pick-shot img')?.complete"
                + " && !document.querySelector('" + go + "').disabled");
        assertThat(tab.text("document.querySelector('#v-pick-count').textContent")).isEqualTo("2 elements match main li.");
        assertThat(tab.eval("document.querySelectorAll('#v-pick-shot .pick-box').length").asInt()).isEqualTo(2);
        // where they are, in % of the first tile: the first below the header and above the second, in the left half
        JsonNode boxes = tab.eval("[...document.querySelectorAll('#v-pick-shot .pick-box')]"
                + ".map(b => [parseFloat(b.style.left), parseFloat(b.style.top), parseFloat(b.style.height)])");
        assertThat(boxes.get(0).get(1).asDouble()).isGreaterThan(5).isLessThan(boxes.get(1).get(1).asDouble());
        assertThat(boxes.get(0).get(0).asDouble()).isGreaterThan(0).isLessThan(50);
        assertThat(boxes.get(0).get(2).asDouble()).isGreaterThan(0);
        tab.eval("document.querySelector('#v-pick-h').scrollIntoView()");
        screen("variants-picker");

        tab.fill("#v-pick-sel", ".nothing-here");
        tab.click(go);
        tab.waitFor("document.querySelector('#v-pick-count')?.dataset.matched === '0' && !document.querySelector('" + go + "').disabled");
        assertThat(tab.text("document.querySelector('#v-pick-count').textContent")).isEqualTo("No element matches .nothing-here on this page.");
        assertThat(tab.eval("document.querySelectorAll('#v-pick-shot .pick-box').length").asInt()).isZero();
        tab.eval("document.querySelector('#v-pick-h').scrollIntoView()");
        screen("variants-picker-none");
        // the picker's draft variants are deleted again: only the variant made above is listed
        tab.eval("location.hash = '#/variants?project=coffee&again=1'");
        tab.waitFor("document.querySelector('#v-list')");
        assertThat(tab.eval("document.querySelectorAll('#v-list > li').length").asInt()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void memoryChartUpdates() throws Exception {
        tab.eval("location.hash = '#/memory'");
        tab.waitFor("+document.querySelector('#memory-chart')?.dataset.samples >= 1");
        int first = tab.eval("+document.querySelector('#memory-chart').dataset.samples").asInt();
        tab.waitFor("+document.querySelector('#memory-chart').dataset.samples > " + first);
        assertThat(tab.eval("document.querySelectorAll('#memory-chart polygon').length").asInt()).isEqualTo(4);
        String text = tab.text("document.querySelector('main').innerText");
        assertThat(text).contains("Pressure").contains("JVM heap").contains("Chromium").contains("Admitted (total)").contains("Queue");
        assertThat(tab.text("document.querySelector('#memory-chart').getAttribute('aria-label')")).contains("budget");
        screen("memory");
    }

    @Test
    @Order(8)
    void createsAMonitor_andShowsItsTimeline() throws Exception {
        tab.eval("location.hash = '#/monitors'");
        tab.waitFor("document.querySelector('#m-name') && document.querySelector('main').innerText.includes('No monitors yet')");
        tab.fill("#m-name", "coffee home");
        tab.fill("#m-url", site.url("/shop/"));
        tab.fill("#m-interval", "1d");
        tab.click("main form button[type=submit]");
        tab.waitFor("location.hash.startsWith('#/monitors/') && document.querySelector('#m-timeline')");
        assertThat(tab.text("document.querySelector('#m-summary').textContent")).contains(site.url("/shop/")).contains("every 1d").contains("next run");
        assertThat(tab.text("document.querySelector('#m-timeline').textContent")).contains("No changes recorded yet");
        screen("monitor");
        tab.eval("location.hash = '#/monitors'");
        tab.waitFor("document.querySelector('#m-list a')?.textContent === 'coffee home'");
        screen("monitors");
    }

    @Test
    @Order(9)
    void worksAtPhoneWidth() throws Exception {
        tab.session().send(Commands.setDeviceMetrics(390, 844, 1, true), DashboardBrowser.TIMEOUT);
        tab.eval("location.hash = '#/projects/" + projectId + "'");
        tab.waitFor("document.querySelector('.gallery img')?.complete");
        assertThat(tab.eval("document.documentElement.scrollWidth <= 390").asBoolean()).as("no sideways scrolling at 390 px").isTrue();
        screen("phone-project");
        tab.eval("location.hash = '#/capture'");
        tab.waitFor("document.querySelector('#c-url')");
        assertThat(tab.eval("document.documentElement.scrollWidth <= 390").asBoolean()).isTrue();
        screen("phone-capture");
    }

    /** axe-core on the screen, a screenshot artifact, no console errors or failed requests, and what it loaded. */
    private void screen(String name) throws Exception {
        assertThat(tab.axe()).as("serious accessibility violations on " + name).isEmpty();
        tab.screenshot(name);
        tab.assertNoProblems(name);
        weights.put(name, tab.takeBytes());
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    private static void html(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }
}
