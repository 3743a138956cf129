package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.pagelens.analysis.PageScripts;
import io.pagelens.analysis.TestBrowser;
import io.pagelens.analysis.diff.Box;
import io.pagelens.image.PngReader;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis routes on a real server, real Chromium and the corpus blog on 127.0.0.1: variants (create, list, get,
 * delete, validation naming the field), captures with variantId, diffs between captures, brand profiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisRoutesIT {
    static final String BLOG_VARIANT = """
            {"name": "cleaner", "description": "headline and CTA colour",
             "mutations": [{"selector": "header.masthead h1", "action": "setText", "value": "Cleaner Blog"},
                           {"selector": "a.btn-primary", "action": "setStyle", "value": {"background-color": "#E8743B", "border-color": "#E8743B"}}]}""";

    ApiHarness h;
    PagelensServer server;
    ApiHarness.Client api;
    CorpusServer site;

    @BeforeAll
    void start() throws Exception {
        h = new ApiHarness();
        server = h.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")));
        api = h.client(server, null);
        site = new CorpusServer();
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (site != null) site.close();
        if (h != null) h.close();
    }

    String blog() {
        return site.url("blog/index.html");
    }

    @Test
    void variants_crud_validation_andCaptureWithVariantId() throws Exception {
        api.json("POST", "/v1/projects", "{\"name\": \"vblog\"}", 201);
        JsonNode v = api.json("POST", "/v1/projects/vblog/variants", BLOG_VARIANT, 201);
        assertThat(v.path("id").asText()).startsWith("var_");
        assertThat(v.path("mutations")).hasSize(2);
        api.json("POST", "/v1/projects/vblog/variants", BLOG_VARIANT, 409);
        JsonNode bad = api.json("POST", "/v1/projects/vblog/variants",
                "{\"name\": \"bad\", \"mutations\": [{\"selector\": \"h1\", \"action\": \"setText\", \"value\": \"x\"}, {\"selector\": \"h1\", \"action\": \"explode\"}]}", 422);
        assertThat(bad.toString()).contains("mutations[1].action");
        api.json("POST", "/v1/projects/nope/variants", BLOG_VARIANT, 404);
        assertThat(api.json("GET", "/v1/projects/vblog/variants", null, 200).path("items")).hasSize(1);
        assertThat(api.json("GET", "/v1/projects/vblog/variants/cleaner", null, 200).path("id").asText()).isEqualTo(v.path("id").asText());

        JsonNode c = api.json("POST", "/v1/captures", "{\"url\": \"" + blog() + "\", \"projectId\": \"vblog\", \"variantId\": \"cleaner\","
                + " \"formats\": [\"screenshot\", \"html\"]}", 200);
        assertThat(c.path("variant").asText()).isEqualTo("cleaner");
        assertThat(c.path("report").path("steps").path("mutations").get(0).path("matched").asInt()).isEqualTo(1);
        assertThat(c.path("report").path("steps").path("mutations").get(1).path("matched").asInt()).isEqualTo(1);
        assertThat(api.json("GET", "/v1/captures/" + c.path("id").asText(), null, 200).path("variant").asText()).isEqualTo("cleaner");
        String html = api.send("GET", "/v1/captures/" + c.path("id").asText() + "/html", null).body();
        assertThat(html).contains("Cleaner Blog");

        JsonNode missing = api.json("POST", "/v1/captures", "{\"url\": \"" + blog() + "\", \"projectId\": \"vblog\", \"variantId\": \"gone\"}", 422);
        assertThat(missing.path("field").asText()).isEqualTo("variantId");

        assertThat(api.send("DELETE", "/v1/projects/vblog/variants/cleaner", null).statusCode()).isEqualTo(204);
        api.json("GET", "/v1/projects/vblog/variants/cleaner", null, 404);
    }

    String captureId(String body) throws Exception {
        return api.json("POST", "/v1/captures", body.replace("URL", blog()), 200).path("id").asText();
    }

    /** Where {@code selector} lays out on the blog at the captures' viewport, in page pixels. */
    List<Box> boxesOf(String... selectors) throws Exception {
        try (TestBrowser browser = new TestBrowser(); TestBrowser.Page page = browser.open(1280, 800)) {
            page.navigate(blog());
            List<Box> out = new ArrayList<>();
            for (String selector : selectors) {
                JsonNode n = page.evaluate("(() => { const r = document.querySelector(" + PageScripts.literal(selector)
                        + ").getBoundingClientRect(); return {x: Math.floor(r.left + scrollX), y: Math.floor(r.top + scrollY), w: Math.ceil(r.width), h: Math.ceil(r.height)}; })()");
                out.add(new Box(n.path("x").asInt(), n.path("y").asInt(), n.path("w").asInt(), n.path("h").asInt()));
            }
            return out;
        }
    }

    /**
     * The corpus-blog test through the product: a stored variant changing the headline text and the CTA colour
     * is captured beside the control, and GET /v1/captures/{a}/diff?against={b} finds those two regions and nothing
     * else, with the Markdown diff, the two images and the answer stored; an unchanged page diffs to 0 (stable render).
     */
    @Test
    void blogVariant_diffAgainstControl_findsTheHeadlineAndTheCtaOnly() throws Exception {
        api.json("POST", "/v1/projects", "{\"name\": \"dblog\"}", 201);
        api.json("POST", "/v1/projects/dblog/variants", BLOG_VARIANT, 201);
        String common = "\"url\": \"URL\", \"projectId\": \"dblog\", \"fullPage\": true, \"formats\": [\"screenshot\", \"markdown\"]";
        String control = captureId("{" + common + ", \"analysis\": {\"stableRender\": true}}");
        String variant = captureId("{" + common + ", \"variantId\": \"cleaner\"}");

        JsonNode d = api.json("GET", "/v1/captures/" + control + "/diff?against=" + variant, null, 200);
        assertThat(d.path("heightDifference").asInt()).isZero();
        List<Box> found = new ArrayList<>();
        for (JsonNode r : d.path("regions")) {
            assertThat(r.path("kind").asText()).isEqualTo("changed");
            found.add(new Box(r.path("x").asInt(), r.path("y").asInt(), r.path("width").asInt(), r.path("height").asInt()));
        }
        List<Box> boxes = boxesOf("header.masthead h1", "a.btn-primary");
        Box headline = boxes.get(0), cta = boxes.get(1);
        assertThat(found).as("regions " + found + ", headline " + headline + ", cta " + cta).hasSize(2);
        assertThat(found).anySatisfy(f -> assertThat(headline.grow(4).contains(f)).isTrue());
        assertThat(found).anySatisfy(f -> assertThat(cta.grow(4).contains(f)).isTrue());
        assertThat(d.path("textDiff").path("unified").asText()).contains("+").contains("Cleaner Blog");

        HttpResponse<byte[]> img = api.bytes(d.path("links").path("diffImage").asText(), Map.of());
        assertThat(img.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> side = api.bytes(d.path("links").path("sideBySide").asText(), Map.of());
        try (PngReader a = new PngReader(new ByteArrayInputStream(img.body()), "diff"); PngReader s2 = new PngReader(new ByteArrayInputStream(side.body()), "side")) {
            assertThat(s2.width()).isGreaterThan(2 * a.width()); // A | gutter | B
            assertThat(a.height()).isEqualTo(d.path("heightA").asInt());
        }
        assertThat(api.json("GET", "/v1/captures/" + control + "/diff?against=" + variant, null, 200).path("id").asText())
                .as("stored, answered again").isEqualTo(d.path("id").asText());
        assertThat(api.json("GET", "/v1/diffs/" + d.path("id").asText(), null, 200).path("changedPixels").asLong())
                .isEqualTo(d.path("changedPixels").asLong());

        // the same page again, stable: nothing changed
        String again = captureId("{" + common + ", \"analysis\": {\"stableRender\": true}}");
        JsonNode same = api.json("GET", "/v1/captures/" + control + "/diff?against=" + again, null, 200);
        assertThat(same.path("changedPixels").asLong()).isZero();
        assertThat(same.path("textDiff").path("identical").asBoolean()).isTrue();

        assertThat(api.json("GET", "/v1/captures/" + control + "/diff?against=cap_nope", null, 404).path("field").asText()).isEqualTo("against");
        assertThat(api.json("GET", "/v1/captures/" + control + "/diff", null, 422).path("field").asText()).isEqualTo("against");
    }

    /**
     * Brand through the product: a project with a url gets its profile from a queued capture of its home page (on
     * northwind: the brand.json colours, fonts, headline and primary CTA), stored and cached (the same capture answers
     * again), recomputed with refresh=true; POST /v1/brand for any page; suggestions from the profile are valid variants.
     */
    @Test
    void brand_northwind_storedCachedRefreshed_thenSuggestedVariantsAreValid() throws Exception {
        try (io.pagelens.analysis.SiteServer north = new io.pagelens.analysis.SiteServer(io.pagelens.analysis.brand.BrandProfileITs.northwind())) {
            JsonNode truth = io.pagelens.json.Jackson.MAPPER.readTree(java.nio.file.Files.readString(
                    io.pagelens.analysis.brand.BrandProfileITs.northwind().resolve("brand.json")));
            api.json("POST", "/v1/projects", "{\"name\": \"nobrand\"}", 201);
            assertThat(api.json("GET", "/v1/projects/nobrand/brand", null, 422).path("field").asText()).isEqualTo("siteUrl");
            JsonNode p = api.json("POST", "/v1/projects", "{\"name\": \"northwind\", \"siteUrl\": \"" + north.url("/") + "\"}", 201);
            assertThat(p.path("siteUrl").asText()).startsWith("http://127.0.0.1:");

            JsonNode b = api.json("GET", "/v1/projects/northwind/brand", null, 200);
            JsonNode brand = b.path("brand");
            assertThat(close(brand.path("colors").path("primary").path("hex").asText(), truth.path("colors").path("primary").asText())).isTrue();
            assertThat(close(brand.path("colors").path("accent").path("hex").asText(), truth.path("colors").path("accent").asText())).isTrue();
            assertThat(brand.path("headline").path("text").asText()).isEqualTo(truth.path("headline").asText());
            assertThat(brand.path("ctas").get(0).path("text").asText()).isEqualTo("Start free trial");
            assertThat(brand.path("fonts").toString()).contains("Northwind Sans").contains("Northwind Display");
            assertThat(brand.path("images").path("logo").path("url").asText()).endsWith("/img/logo.svg");
            String captureId = b.path("captureId").asText();
            assertThat(h.storage.capture(captureId)).isPresent();

            assertThat(api.json("GET", "/v1/projects/northwind/brand", null, 200).path("captureId").asText()).as("cached").isEqualTo(captureId);
            assertThat(h.storage.brand(p.path("id").asText()).orElseThrow().captureId()).as("stored").isEqualTo(captureId);
            assertThat(api.json("GET", "/v1/projects/northwind/brand?refresh=true", null, 200).path("captureId").asText())
                    .as("recomputed").isNotEqualTo(captureId);

            JsonNode any = api.json("POST", "/v1/brand", "{\"url\": \"" + north.url("/") + "\"}", 200);
            assertThat(any.path("brand").path("headline").path("text").asText()).isEqualTo(truth.path("headline").asText());
            assertThat(api.json("POST", "/v1/brand", "{\"url\": \"ftp://x\"}", 422).path("field").asText()).isEqualTo("url");

            JsonNode s = api.json("POST", "/v1/projects/northwind/variants/suggest", null, 200);
            assertThat(s.path("suggestions").size()).isPositive();
            for (JsonNode sg : s.path("suggestions")) {
                api.json("POST", "/v1/projects/northwind/variants", sg.path("variant").toString(), 201); // every suggestion is a valid variant
            }
        }
    }

    static boolean close(String a, String b) {
        return io.pagelens.analysis.brand.RgbColor.parse(a).distance(io.pagelens.analysis.brand.RgbColor.parse(b)) < 6;
    }
}
