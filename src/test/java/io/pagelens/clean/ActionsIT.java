package io.pagelens.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every page action and the CSS/script injection on real Chromium; outcomes read from the report and the page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsIT {
    static final String PAGE = """
            <!doctype html><html><head><title>actions</title><style>body{margin:0} .tall{height:3000px}</style></head><body>
            <h1>Actions</h1><button id="more">more</button><p class="promo">promo 1</p><p class="promo">promo 2</p>
            <div class="junk">junk</div><input id="q"><div class="tall"></div><p id="bottom">bottom</p>
            <script>
            document.getElementById('more').addEventListener('click', e => {
              const p = document.createElement('p'); p.id = 'clicked'; p.textContent = 'trusted=' + e.isTrusted; document.body.appendChild(p); });
            document.addEventListener('keydown', e => { document.body.dataset.keys = (document.body.dataset.keys || '') + e.key + ';'; });
            document.getElementById('q').addEventListener('input', e => { document.body.dataset.typed = e.target.value; });
            setTimeout(() => { const p = document.createElement('p'); p.id = 'late'; p.textContent = 'late'; document.body.appendChild(p); }, 300);
            </script></body></html>""";

    CorpusServer site;
    CleanHarness scripts;
    CleanHarness noScripts;

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer();
        site.route("/actions", ex -> CorpusServer.send(ex, 200, "text/html; charset=utf-8", PAGE));
        site.route("/extra.css", ex -> CorpusServer.send(ex, 200, "text/css", "#bottom { color: rgb(4, 5, 6) }"));
        site.route("/extra.js", ex -> CorpusServer.send(ex, 200, "text/javascript", "window.__extra = 'loaded';"));
        scripts = new CleanHarness(true);
        noScripts = new CleanHarness(false);
    }

    @AfterAll
    void stop() {
        if (scripts != null) scripts.close();
        if (noScripts != null) noScripts.close();
        if (site != null) site.close();
    }

    String body(String clean) {
        return "{\"url\": \"" + site.url("actions") + "\", \"formats\": [\"html\"], \"clean\": {" + clean + "}}";
    }

    @Test
    void everyAction_runs_andReportsItsOutcome() throws Exception {
        CleanHarness.Result r = scripts.capture(body("""
                "actions": [{"type": "wait", "selector": "#late"}, {"type": "click", "selector": "#more"},
                  {"type": "hide", "selector": ".promo"}, {"type": "remove", "selector": ".junk"},
                  {"type": "type", "selector": "#q", "text": "hello"}, {"type": "press", "key": "Escape"}, {"type": "press", "key": "a"},
                  {"type": "wait", "ms": 50}, {"type": "scrollTo", "y": 1200},
                  {"type": "evaluate", "script": "String(window.scrollY)"}, {"type": "scrollTo", "selector": "#bottom"},
                  {"type": "evaluate", "script": "window.scrollY > 2000"}]"""));
        String html = r.html();
        assertThat(html).contains("trusted=true").doesNotContain("class=\"junk\"").contains("data-typed=\"helloa\"") // the focused input got the pressed key too
                .contains("data-keys=\"Escape;a;\"").contains("id=\"late\"");
        assertThat(html).contains("<p class=\"promo\" style=\"visibility: hidden !important;\">promo 1</p>");
        JsonNode report = r.step("actions");
        assertThat(report).hasSize(12);
        report.forEach(a -> assertThat(a.path("outcome").asText()).as(a.toString()).isEqualTo("done"));
        assertThat(report.get(2).path("elements").asInt()).isEqualTo(2);
        assertThat(report.get(9).path("value").asText()).isEqualTo("1200");
        assertThat(report.get(11).path("value").asText()).isEqualTo("true");
        assertThat(report.get(1).path("action").asText()).isEqualTo("click #more");
    }

    @Test
    void missingSelector_isReported_andTheCaptureGoesOn() throws Exception {
        CleanHarness.Result r = scripts.capture(body("""
                "actions": [{"type": "click", "selector": "#nope"}, {"type": "hide", "selector": ".none", "optional": true},
                  {"type": "remove", "selector": ".junk"}]"""));
        JsonNode report = r.step("actions");
        assertThat(report.get(0).path("outcome").asText()).isEqualTo("missing");
        assertThat(report.get(1).path("outcome").asText()).isEqualTo("skipped");
        assertThat(report.get(2).path("outcome").asText()).isEqualTo("done");
        assertThat(r.html()).doesNotContain("class=\"junk\"");
    }

    @Test
    void missingSelector_withFailOnMissingSelector_failsTheCapture_butOptionalOnesAreSkipped() throws Exception {
        assertThatThrownBy(() -> scripts.capture(body("""
                "failOnMissingSelector": true, "actions": [{"type": "hide", "selector": ".promo"}, {"type": "click", "selector": "#nope"}]""")))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.SELECTOR_NOT_FOUND))
                .hasMessageStartingWith("clean.actions[1] (click #nope): no element matched");
        CleanHarness.Result r = scripts.capture(body("""
                "failOnMissingSelector": true, "actions": [{"type": "click", "selector": "#nope", "optional": true}]"""));
        assertThat(r.step("actions").get(0).path("outcome").asText()).isEqualTo("skipped");
    }

    @Test
    void cssStylesAndScripts_areInjected_urlsThroughTheEgressGuard() throws Exception {
        CleanHarness.Result r = scripts.capture(body("""
                "css": "h1 { color: rgb(1, 2, 3) }", "styles": ["%s", "http://127.0.0.2/x.css"], "scripts": ["%s"],
                "script": "document.body.dataset.script = 'ran'",
                "actions": [{"type": "evaluate", "script": "[getComputedStyle(document.querySelector('h1')).color, getComputedStyle(document.getElementById('bottom')).color, window.__extra].join('|')"}]"""
                .formatted(site.url("extra.css"), site.url("extra.js"))));
        assertThat(r.step("actions").get(0).path("value").asText()).isEqualTo("rgb(1, 2, 3)|rgb(4, 5, 6)|loaded");
        JsonNode inj = r.step("injection");
        assertThat(inj.path("styles").get(0).path("loaded").asBoolean()).isTrue();
        assertThat(inj.path("styles").get(1).path("loaded").asBoolean()).as("127.0.0.2 is refused by the egress guard").isFalse();
        assertThat(inj.path("scripts").get(0).path("loaded").asBoolean()).isTrue();
        assertThat(r.html()).contains("data-script=\"ran\"");
        assertThat(r.result().report().blockedRequests()).anySatisfy(b -> assertThat(b.toString()).contains("127.0.0.2"));
    }

    @Test
    void callerScripts_areRefused_unlessTheServerAllowsThem() {
        assertThatThrownBy(() -> noScripts.capture(body("\"actions\": [{\"type\": \"hide\", \"selector\": \"h1\"}, {\"type\": \"evaluate\", \"script\": \"1\"}]")))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.INVALID_REQUEST))
                .hasMessageStartingWith("clean.actions[1]: ").hasMessageContaining("PAGELENS_ALLOW_SCRIPTS=1");
        assertThatThrownBy(() -> noScripts.capture(body("\"script\": \"1\"")))
                .hasMessageStartingWith("clean.script: ");
    }
}
