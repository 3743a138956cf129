package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.json.Jackson;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants kept apart, end to end on SQLite and PostgreSQL: tenant A stores a project, pages, a capture with every
 * downloadable artifact and jobs; a key of tenant B gets 404 for each of them (the same answer as for an id that does not
 * exist, so ids leak nothing), sees none in its lists, cannot delete or cancel them, is not answered from A's result
 * cache, and can use A's project name for its own project; an admin key sees both tenants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    CorpusServer site;
    CaptureEngine engine;

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer().route("/slow", ex -> {
            CorpusServer.pause(3000);
            CorpusServer.send(ex, 200, "text/html", "<html><body><h1>slow</h1></body></html>");
        });
        engine = ApiHarness.newEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) engine.close();
        if (site != null) site.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void aKeySeesOnlyItsTenant_everyOtherTenantsRowIsNotFound(String db) throws Exception {
        try (ApiHarness h = new ApiHarness(engine, db.equals("postgres"));
             PagelensServer server = h.start(ApiHarness.settings(Map.of()))) {
            ApiKeyStore keys = new ApiKeyStore(h.storage.database(), Clock.systemUTC());
            ApiHarness.Client a = h.client(server, keys.create("alice", 6000, "acme", false).token());
            ApiHarness.Client b = h.client(server, keys.create("bob", 6000, "globex", false).token());
            ApiHarness.Client admin = h.client(server, keys.create("ops", 6000, "ops", true).token());
            ApiHarness.Client firstKey = h.client(server, server.firstKey().orElseThrow()); // tenant default

            JsonNode project = a.json("POST", "/v1/projects", "{\"name\":\"shop\"}", 201);
            String projectId = project.get("id").asText();
            String capture = "{\"url\":\"" + site.url("blog/index.html") + "\",\"projectId\":\"shop\","
                    + "\"formats\":[\"screenshot\",\"html\",\"markdown\",\"text\",\"metadata\",\"links\"]}";
            JsonNode cap = a.json("POST", "/v1/captures", capture, 200);
            String captureId = cap.get("id").asText();
            String jobId = cap.get("jobId").asText();
            JsonNode slow = a.json("POST", "/v1/captures", "{\"url\":\"" + site.url("slow") + "\",\"projectId\":\"shop\",\"async\":true}", 202);
            String queuedJob = slow.get("id").asText();
            a.json("POST", "/v1/projects/shop/variants", "{\"name\":\"v1\",\"mutations\":[{\"selector\":\"h1\","
                    + "\"action\":\"setText\",\"value\":\"A\"}]}", 201);

            List<String> aOnly = List.of(
                    "GET /v1/projects/" + projectId + "/pages", "GET /v1/projects/shop/pages",
                    "GET /v1/projects/" + projectId + "/captures", "GET /v1/projects/shop/captures?history=true",
                    "GET /v1/captures/" + captureId, "GET /v1/captures/" + captureId + "/links",
                    "GET /v1/captures/" + captureId + "/screenshot", "GET /v1/captures/" + captureId + "/html",
                    "GET /v1/captures/" + captureId + "/markdown", "GET /v1/captures/" + captureId + "/text",
                    "GET /v1/captures/" + captureId + "/metadata", "GET /v1/captures/" + captureId + "/links",
                    "GET /v1/jobs/" + jobId, "GET /v1/jobs/" + jobId + "/events", "GET /v1/jobs/" + queuedJob,
                    "GET /v1/projects/shop/variants", "GET /v1/projects/" + projectId + "/variants/v1",
                    "DELETE /v1/projects/shop/variants/v1", "DELETE /v1/jobs/" + queuedJob, "DELETE /v1/captures/" + captureId);
            for (String call : aOnly) {
                String[] mp = call.split(" ", 2);
                assertThat(a.send(mp[0].equals("DELETE") ? "GET" : mp[0], mp[1].replace("/events", ""), null).statusCode())
                        .as("A reads its own " + mp[1]).isEqualTo(200);
                for (ApiHarness.Client other : List.of(b, firstKey)) {
                    HttpResponse<String> r = other.send(mp[0], mp[1], null);
                    assertThat(r.statusCode()).as(call + " by another tenant").isEqualTo(404);
                    // the answer for another tenant's id is the answer for an id that does not exist
                    HttpResponse<String> none = other.send(mp[0], unknownIds(mp[1], projectId, captureId, jobId, queuedJob), null);
                    assertThat(withoutIds(r.body(), projectId, captureId, jobId, queuedJob))
                            .as(call).isEqualTo(withoutIds(none.body(), "prj_none", "cap_none", "job_none2", "job_none"));
                }
            }
            // nothing of A in B's lists
            assertThat(b.json("GET", "/v1/projects", null, 200).get("items")).isEmpty();
            assertThat(b.json("GET", "/v1/jobs", null, 200).get("items")).isEmpty();
            assertThat(firstKey.json("GET", "/v1/jobs", null, 200).get("items")).isEmpty();
            assertThat(a.json("GET", "/v1/jobs", null, 200).get("items").findValuesAsText("id")).contains(jobId, queuedJob);

            // the project name is A's only: B makes its own "shop", and B's capture is not answered from A's cache
            JsonNode bShop = b.json("POST", "/v1/projects", "{\"name\":\"shop\"}", 201);
            assertThat(bShop.get("id").asText()).isNotEqualTo(projectId);
            assertThat(a.json("POST", "/v1/projects", "{\"name\":\"shop\"}", 409).get("field").asText()).isEqualTo("name");
            // B's capture cannot use A's variant through B's project of the same name
            HttpResponse<String> viaVariant = b.send("POST", "/v1/captures", capture.replace("}", ",\"variantId\":\"v1\"}"));
            assertThat(viaVariant.statusCode()).as(viaVariant.body()).isBetween(400, 422);
            assertThat(viaVariant.body()).contains("variantId");
            JsonNode bCap = b.json("POST", "/v1/captures", capture.replace("}", ",\"maxAge\":3600000}"), 200);
            assertThat(bCap.has("cached") && bCap.get("cached").asBoolean()).as("B answered from A's cache").isFalse();
            assertThat(bCap.get("id").asText()).isNotEqualTo(captureId);
            JsonNode aCached = a.json("POST", "/v1/captures", capture.replace("}", ",\"maxAge\":3600000}"), 200);
            assertThat(aCached.get("id").asText()).as("A's own cache still answers A").isEqualTo(captureId);
            assertThat(b.json("GET", "/v1/projects/shop/captures", null, 200).get("items").findValuesAsText("id"))
                    .containsExactly(bCap.get("id").asText());

            // nothing B did touched A's rows
            assertThat(a.json("GET", "/v1/captures/" + captureId, null, 200).get("id").asText()).isEqualTo(captureId);
            assertThat(a.json("GET", "/v1/jobs/" + queuedJob, null, 200).get("state").asText()).isNotEqualTo("cancelled");

            // the admin key sees every tenant
            assertThat(admin.json("GET", "/v1/projects", null, 200).get("items").findValuesAsText("id"))
                    .contains(projectId, bShop.get("id").asText());
            assertThat(admin.json("GET", "/v1/captures/" + captureId, null, 200).get("id").asText()).isEqualTo(captureId);
            assertThat(admin.json("GET", "/v1/projects/" + projectId + "/pages", null, 200).get("items")).isNotEmpty();
            assertThat(admin.json("GET", "/v1/jobs", null, 200).get("items").findValuesAsText("id")).contains(jobId, bCap.get("jobId").asText());
            a.awaitJob(queuedJob, Duration.ofSeconds(60));
        }
    }

    private static String unknownIds(String path, String projectId, String captureId, String jobId, String queuedJob) {
        return path.replace(projectId, "prj_none").replace("/shop/", "/none/").replace(captureId, "cap_none")
                .replace(queuedJob, "job_none2").replace(jobId, "job_none");
    }

    private static String withoutIds(String body, String... ids) throws Exception {
        String s = body;
        for (String id : ids) s = s.replace(id, "ID");
        return Jackson.MAPPER.readTree(s.replace("'shop'", "'ID'").replace("'none'", "'ID'")).toString();
    }
}
