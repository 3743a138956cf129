package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
}
