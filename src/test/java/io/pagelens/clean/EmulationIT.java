package io.pagelens.clean;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.Device;
import io.pagelens.json.Jackson;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Device presets, geolocation, time zone, locale and media features, read back from the page's own JavaScript. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulationIT {
    /** Writes what the page sees into #seen once geolocation answered (or failed). */
    static final String PROBE = """
            <!doctype html><html><head><title>probe</title><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><pre id="out"></pre><script>
            const seen = {width: innerWidth, height: innerHeight, dpr: devicePixelRatio, ua: navigator.userAgent,
              touch: navigator.maxTouchPoints, language: navigator.language,
              timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
              dark: matchMedia('(prefers-color-scheme: dark)').matches, reduce: matchMedia('(prefers-reduced-motion: reduce)').matches,
              print: matchMedia('print').matches};
            fetch('/headers').then(r => r.text()).then(h => { seen.acceptLanguage = h; geo(); }).catch(() => geo());
            function done() { const p = document.createElement('p'); p.id = 'seen'; p.textContent = JSON.stringify(seen); document.body.appendChild(p); }
            function geo() { navigator.geolocation.getCurrentPosition(p => { seen.lat = p.coords.latitude; seen.lon = p.coords.longitude; done(); },
              e => { seen.geoError = e.message; done(); }, {timeout: 3000}); }
            </script></body></html>""";

    CorpusServer site;
    CleanHarness harness;

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer();
        site.route("/probe", ex -> CorpusServer.send(ex, 200, "text/html; charset=utf-8", PROBE));
        site.route("/headers", ex -> CorpusServer.send(ex, 200, "text/plain",
                String.valueOf(ex.getRequestHeaders().getFirst("Accept-Language"))));
        harness = new CleanHarness(false);
    }

    @AfterAll
    void stop() {
        if (harness != null) harness.close();
        if (site != null) site.close();
    }

    JsonNode seen(String options) throws Exception {
        String html = harness.capture("{\"url\": \"" + site.url("probe") + "\", \"formats\": [\"html\"], \"waitFor\": \"#seen\", "
                + options + "}").html();
        String json = html.substring(html.indexOf("<p id=\"seen\">") + 13, html.indexOf("</p>", html.indexOf("<p id=\"seen\">")));
        return Jackson.MAPPER.readTree(org.jsoup.parser.Parser.unescapeEntities(json, false));
    }

    @Test
    void devicePreset_setsViewportScaleTouchAndUserAgent() throws Exception {
        Device iphone = Device.named("iphone-15");
        JsonNode s = seen("\"emulate\": {\"device\": \"iPhone 15\"}");
        assertThat(s.path("width").asInt()).isEqualTo(iphone.width());
        assertThat(s.path("height").asInt()).isEqualTo(iphone.height());
        assertThat(s.path("dpr").asDouble()).isEqualTo(3.0);
        assertThat(s.path("touch").asInt()).isPositive();
        assertThat(s.path("ua").asText()).isEqualTo(iphone.userAgent());

        JsonNode desk = seen("\"emulate\": {\"device\": \"desktop-1440\"}");
        assertThat(desk.path("width").asInt()).isEqualTo(1440);
        assertThat(desk.path("height").asInt()).isEqualTo(900);
        assertThat(desk.path("touch").asInt()).isZero();
    }

    @Test
    void geolocationTimezoneLocaleAndMedia_areWhatThePageSees() throws Exception {
        JsonNode s = seen("\"emulate\": {\"geolocation\": {\"latitude\": 52.52, \"longitude\": 13.405}, \"timezone\": \"Asia/Tokyo\","
                + " \"locale\": \"de-DE\", \"colorScheme\": \"dark\", \"reducedMotion\": \"reduce\", \"media\": \"print\"}");
        assertThat(s.path("lat").asDouble()).as(s.toString()).isEqualTo(52.52);
        assertThat(s.path("lon").asDouble()).isEqualTo(13.405);
        assertThat(s.path("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(s.path("offset").asInt()).isEqualTo(-540);
        assertThat(s.path("language").asText()).isEqualTo("de-DE");
        assertThat(s.path("acceptLanguage").asText()).isEqualTo("de-DE,de;q=0.9");
        assertThat(s.path("dark").asBoolean()).isTrue();
        assertThat(s.path("reduce").asBoolean()).isTrue();
        assertThat(s.path("print").asBoolean()).isTrue();
    }

    @Test
    void withoutEmulation_thePageSeesTheDefaults() throws Exception {
        JsonNode s = seen("\"viewport\": {\"width\": 1280, \"height\": 800}");
        assertThat(s.path("width").asInt()).isEqualTo(1280);
        assertThat(s.path("language").asText()).isNotEqualTo("de-DE");
        assertThat(s.path("dark").asBoolean()).isFalse();
        assertThat(s.path("timezone").asText()).isNotEqualTo("Asia/Tokyo");
    }
}
