package io.pagelens.pipeline;

import io.pagelens.capture.CleanOptions;
import io.pagelens.capture.Device;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.PageAction;
import io.pagelens.config.SecretBox;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobState;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clean and emulate objects of a capture body: validated naming the field, in the key, kept by a stored order. */
class CleanOptionsOrderTest {
    static CaptureOrder order(String json) throws Exception {
        return CaptureOrder.from(Jackson.STRICT.forType(CaptureSpec.class).readValue(json)).build();
    }

    @Test
    void fullBody_becomesTheRequestsOptions() throws Exception {
        CaptureOrder o = order("""
                {"url": "https://example.com/", "clean": {"blockCookieBanners": true, "blockAds": true, "failOnMissingSelector": true,
                  "actions": [{"type": "click", "selector": "#more", "optional": true}, {"type": "wait", "ms": 200},
                              {"type": "scrollTo", "y": 400}, {"type": "press", "key": "Escape"}, {"type": "type", "selector": "#q", "text": "hi"}],
                  "css": "body{color:red}", "styles": ["https://example.com/a.css"]},
                 "emulate": {"device": "iPhone 15", "geolocation": {"latitude": 52.5, "longitude": 13.4}, "timezone": "Europe/Berlin",
                  "locale": "de-DE", "colorScheme": "dark", "reducedMotion": "reduce", "media": "print"}}""");
        CleanOptions c = o.request().clean();
        assertThat(c.blockCookieBanners()).isTrue();
        assertThat(c.blocksRequests()).isTrue();
        assertThat(c.actions()).extracting(PageAction::type).containsExactly(PageAction.Type.CLICK, PageAction.Type.WAIT,
                PageAction.Type.SCROLL_TO, PageAction.Type.PRESS, PageAction.Type.TYPE);
        assertThat(c.actions().getFirst().optional()).isTrue();
        assertThat(o.request().emulation().device()).isEqualTo(Device.named("iphone-15"));
        assertThat(o.request().viewport()).isEqualTo(Device.named("iphone-15").viewport());
        assertThat(o.request().emulation().geolocation().accuracy()).isEqualTo(10);
        assertThat(o.request().emulation().locale()).isEqualTo("de-DE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"clean\": {\"actions\": [{\"type\": \"jump\"}]}}|clean.actions[0].type",
            "{\"clean\": {\"actions\": [{\"type\": \"click\"}]}}|clean.actions[0].selector",
            "{\"clean\": {\"actions\": [{\"type\": \"wait\", \"ms\": 100}, {\"type\": \"wait\", \"ms\": 100000}]}}|clean.actions[1].ms",
            "{\"clean\": {\"actions\": [{\"type\": \"scrollTo\"}]}}|clean.actions[0].selector",
            "{\"clean\": {\"actions\": [{\"type\": \"press\"}]}}|clean.actions[0].key",
            "{\"clean\": {\"actions\": [{\"type\": \"type\", \"selector\": \"#q\"}]}}|clean.actions[0].text",
            "{\"clean\": {\"actions\": [{\"type\": \"evaluate\"}]}}|clean.actions[0].script",
            "{\"clean\": {\"styles\": [\"ftp://x/a.css\"]}}|clean.styles[0]",
            "{\"emulate\": {\"device\": \"nokia-3310\"}}|emulate.device",
            "{\"emulate\": {\"device\": \"ipad\"}, \"viewport\": {\"width\": 500}}|emulate.device",
            "{\"emulate\": {\"timezone\": \"Mars/Olympus\"}}|emulate.timezone",
            "{\"emulate\": {\"locale\": \"not a tag!\"}}|emulate.locale",
            "{\"emulate\": {\"colorScheme\": \"sepia\"}}|emulate.colorScheme",
            "{\"emulate\": {\"colorScheme\": \"light\"}, \"darkMode\": true}|emulate.colorScheme",
            "{\"emulate\": {\"reducedMotion\": \"less\"}}|emulate.reducedMotion",
            "{\"emulate\": {\"media\": \"tv\"}}|emulate.media",
            "{\"emulate\": {\"geolocation\": {\"latitude\": 95, \"longitude\": 0}}}|emulate.geolocation",
            "{\"emulate\": {\"geolocation\": {\"latitude\": 5}}}|emulate.geolocation"})
    void badOptions_areRefused_namingTheField(String extra, String field) {
        String json = "{\"url\": \"https://example.com/\", " + extra.substring(1);
        assertThatThrownBy(() -> order(json)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void unknownCleanField_isRefused() {
        assertThatThrownBy(() -> order("{\"url\": \"https://example.com/\", \"clean\": {\"blockAdz\": true}}"))
                .hasMessageContaining("blockAdz");
    }

    @Test
    void cleaningOptions_areInTheKey_andAbsentOnesLeaveOldKeysAlone() throws Exception {
        CaptureOrder plain = order("{\"url\": \"https://example.com/\"}");
        CaptureOrder empty = order("{\"url\": \"https://example.com/\", \"clean\": {}, \"emulate\": {}}");
        CaptureOrder banners = order("{\"url\": \"https://example.com/\", \"clean\": {\"blockCookieBanners\": true}}");
        CaptureOrder ads = order("{\"url\": \"https://example.com/\", \"clean\": {\"blockAds\": true}}");
        CaptureOrder berlin = order("{\"url\": \"https://example.com/\", \"emulate\": {\"timezone\": \"Europe/Berlin\"}}");
        assertThat(empty.key()).isEqualTo(plain.key());
        assertThat(plain.options().json()).doesNotContain("clean").doesNotContain("emulation");
        assertThat(java.util.Set.of(plain.key(), banners.key(), ads.key(), berlin.key())).hasSize(4);
        assertThat(banners.options().json()).contains("\"blockCookieBanners\":true");
    }

    @Test
    void storedOrder_keepsTheCleaningOptions() throws Exception {
        CaptureOrder o = CaptureOrder.from(Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/", "clean": {"blockAds": true, "actions": [{"type": "hide", "selector": ".x"}]},
                 "emulate": {"device": "pixel-8", "locale": "fr-FR"}}""")).defaultPriority(JobPriority.NORMAL).build(Instant.EPOCH);
        OrderCodec codec = new OrderCodec(SecretBox.of(new byte[32]));
        NewJob n = codec.toJob(o, 1);
        Job job = new Job("job_1", n.kind(), JobState.RUNNING, n.priority().weight(), n.payload(), n.secrets(), null, null, null, 1,
                n.maxAttempts(), Instant.EPOCH, null, "w", false, n.deadlineAt(), n.owner(), null, Instant.EPOCH, null, null, Instant.EPOCH);
        assertThat(codec.fromJob(job)).isEqualTo(o);
    }
}
