package io.pagelens.analysis.brand;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.SiteServer;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brand profiles of real pages in real Chromium against their ground truth: the corpus's northwind site
 * ({@code brand.json}) and a site of our own with another brand (dark scheme, failing web fonts, an inline SVG logo,
 * a link styled as a button; {@code src/test/resources/io/pagelens/analysis/brand/nightjar/brand.json}).
 */
class BrandProfileIT {
    private static final double CLOSE = 6; // CIELAB distance that counts as the same brand colour
    private static TestBrowser browser;

    @BeforeAll
    static void start() {
        browser = new TestBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    static Path northwind() {
        return BrandProfileITs.northwind();
    }

    static BrandProfile profile(Path site) throws Exception {
        try (SiteServer server = new SiteServer(site)) {
            BrandProfile p = BrandProfileITs.profile(browser, server.url("/"));
            System.out.println(site.getFileName() + " " + Jackson.PRETTY.writeValueAsString(p));
            return p;
        }
    }

    static void assertMatches(BrandProfile p, JsonNode truth, String origin) {
        assertThat(distance(p.colors().primary().hex(), truth.path("colors").path("primary").asText())).as("primary %s", p.colors().primary()).isLessThan(CLOSE);
        assertThat(distance(p.colors().accent().hex(), truth.path("colors").path("accent").asText())).as("accent %s", p.colors().accent()).isLessThan(CLOSE);
        assertThat(distance(p.colors().background().hex(), truth.path("colors").path("background").asText())).as("background").isLessThan(CLOSE);
        assertThat(distance(p.colors().textPrimary().hex(), truth.path("colors").path("text").asText())).as("text").isLessThan(CLOSE);
        assertThat(p.fonts()).anySatisfy(f -> {
            assertThat(f.family()).isEqualTo(truth.path("fonts").path("body").asText());
            assertThat(f.roles()).contains("body");
        });
        assertThat(p.fonts()).anySatisfy(f -> {
            assertThat(f.family()).isEqualTo(truth.path("fonts").path("headings").asText());
            assertThat(f.roles()).contains("headings");
        });
        assertThat(p.headline().text()).isEqualTo(truth.path("headline").asText());
        assertThat(p.tagline().text()).isEqualTo(truth.path("tagline").asText());
        JsonNode cta = truth.path("ctas").get(0);
        BrandProfile.Cta primary = p.ctas().getFirst();
        assertThat(primary.role()).isEqualTo("primary");
        assertThat(primary.text()).isEqualTo(cta.path("text").asText());
        assertThat(primary.href()).endsWith(cta.path("href").asText());
        assertThat(distance(primary.background(), cta.path("background").asText())).isLessThan(CLOSE);
        assertThat(p.images().ogImage()).isNotEqualTo(p.images().logo().url());
    }

    static double distance(String a, String b) {
        return RgbColor.parse(a).distance(RgbColor.parse(b));
    }

    @Test
    void northwind_matchesItsBrandJson() throws Exception {
        Path site = northwind();
        JsonNode truth = Jackson.MAPPER.readTree(site.resolve("brand.json").toFile());
        BrandProfile p = profile(site);
        assertThat(p.colorScheme()).isEqualTo("light");
        assertThat(p.images().logo().url()).endsWith(truth.path("logo").asText());
        assertThat(p.images().logo().alt()).isEqualTo(truth.path("logoAlt").asText());
        assertThat(p.images().ogImage()).endsWith(truth.path("ogImage").asText());
        assertThat(p.images().favicon()).endsWith(truth.path("favicon").get(0).asText());
        assertThat(p.fonts()).allSatisfy(f -> assertThat(f.loaded()).isTrue());
        assertThat(p.ctas().get(1).text()).isEqualTo(truth.path("ctas").get(1).path("text").asText());
        assertThat(p.ctas().get(1).role()).isEqualTo("secondary");
        assertMatches(p, truth, "");
    }

    @Test
    void darkSiteWithFailingFonts_svgLogo_andALinkAsButton_matchesItsBrandJson() throws Exception {
        Path site = Path.of(BrandProfileIT.class.getResource("nightjar/index.html").toURI()).getParent();
        JsonNode truth = Jackson.MAPPER.readTree(site.resolve("brand.json").toFile());
        BrandProfile p = profile(site);
        assertThat(p.colorScheme()).isEqualTo("dark");
        assertThat(p.fonts()).filteredOn(f -> f.family().startsWith("Nightjar")).hasSize(2).allSatisfy(f -> {
            assertThat(f.loaded()).as("font files are missing").isFalse();
            assertThat(f.status()).isEqualTo("failed");
            assertThat(f.source()).singleElement().asString().endsWith(".woff2");
            assertThat(f.fallback()).isNotBlank();
        });
        BrandProfile.Logo logo = p.images().logo();
        assertThat(logo.kind()).isEqualTo("svg");
        assertThat(logo.url()).isNull();
        assertThat(logo.svg()).startsWith("<svg").contains("<title>Nightjar</title>");
        assertThat(logo.foundBy()).contains("links home");
        assertThat(p.images().ogImage()).endsWith("/img/share-card.png");
        assertThat(p.images().favicon()).endsWith("/img/mark.png");
        assertThat(p.ctas().get(1).text()).isEqualTo("Take the tour");
        assertMatches(p, truth, "");
    }
}
