package io.pagelens.cli;

import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cleaning and emulation flags are the API's clean and emulate objects, in kebab case. */
class CleanFlagsTest {
    @Test
    void flags_andTheEquivalentApiBody_makeTheSameOrder(@TempDir Path dir) throws Exception {
        Path actions = dir.resolve("actions.json");
        Files.writeString(actions, "[{\"type\": \"click\", \"selector\": \"#more\", \"optional\": true}]");
        CaptureOrder cli = CaptureFlagsTest.parse("capture", "https://example.com/a", "--project", "demo",
                "--block-cookie-banners", "--block-ads", "--block-trackers", "--actions", actions.toString(),
                "--action", "{\"type\": \"wait\", \"ms\": 50}", "--fail-on-missing-selector", "--css", "h1{color:red}",
                "--device", "pixel-8", "--geolocation", "48.85,2.35,5", "--timezone", "Europe/Paris", "--locale", "fr-FR",
                "--color-scheme", "dark", "--reduced-motion", "reduce", "--media", "screen").order("https://example.com/a");
        CaptureSpec body = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/a", "projectId": "demo",
                 "clean": {"blockCookieBanners": true, "blockAds": true, "blockTrackers": true, "failOnMissingSelector": true,
                   "actions": [{"type": "click", "selector": "#more", "optional": true}, {"type": "wait", "ms": 50}], "css": "h1{color:red}"},
                 "emulate": {"device": "pixel-8", "geolocation": {"latitude": 48.85, "longitude": 2.35, "accuracy": 5},
                   "timezone": "Europe/Paris", "locale": "fr-FR", "colorScheme": "dark", "reducedMotion": "reduce", "media": "screen"}}""");
        CaptureOrder api = CaptureOrder.from(body).build();
        assertThat(cli.request()).isEqualTo(api.request());
        assertThat(cli.key()).isEqualTo(api.key());
    }

    @Test
    void badAction_namesTheFlag() {
        assertThatThrownBy(() -> CaptureFlagsTest.parse("capture", "https://example.com/", "--action", "{\"type\": \"click\"}")
                .order("https://example.com/"))
                .isInstanceOfSatisfying(io.pagelens.capture.InvalidRequestException.class,
                        e -> assertThat(FlagNames.message(e)).startsWith("--action: "));
        assertThat(FlagNames.flag("emulate.reducedMotion")).isEqualTo("--reduced-motion");
        assertThat(FlagNames.flag("clean.blockCookieBanners")).isEqualTo("--block-cookie-banners");
    }
}
