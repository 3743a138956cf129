package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.ProjectRoutes;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.Engines;
import io.pagelens.config.Env;
import io.pagelens.config.SecretBox;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.json.Jackson;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.PagelensServer;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same capture asked of the API and of the CLI is one order: the same key, stored as versions of one record with
 * the same options, through the one service. Both run on one data folder.
 */
class SameOrderIT {
    @Test
    void apiThenCli_storeTwoVersionsOfOneKey(@TempDir Path dir) throws Exception {
        Env env = new Env(Map.of("PAGELENS_DATA", dir.resolve("data").toString()));
        Clock clock = Clock.systemUTC();
        try (CorpusServer site = new CorpusServer(); CaptureEngine engine = Engines.engine(new HtmlContentExtractor());
             Storage storage = Storage.open(env)) {
            String url = site.url("blog/about.html");
            ApiSettings settings = ApiSettings.fromEnv(new Env(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1", "PAGELENS_AUTH", "none")));
            CapturePipeline captures = CapturePipeline.of(engine, storage, SecretBox.fromEnv(env, () -> dir.resolve("data")), clock);
            JsonNode viaApi;
            try (PagelensServer server = PagelensServer.start(settings, PagelensServer.Role.ALL, new PagelensServer.Parts(storage.database(),
                    List.of(captures.handler()), List.of(captures.routes(settings, clock), new ProjectRoutes(storage)),
                    ApiHooks.basic(() -> ""), new SimpleMeterRegistry(), clock, engine.egress()))) {
                String body = "{\"url\":\"" + url + "\",\"projectId\":\"same\",\"pageType\":\"about\",\"formats\":[\"screenshot\",\"html\"],"
                        + "\"viewport\":{\"width\":1000},\"headers\":{\"X-Test\":\"1\"}}";
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/v1/captures")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                viaApi = Jackson.MAPPER.readTree(r.body());
            }

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CaptureCommand cmd = new CaptureCommand(() -> Engines.engine(new HtmlContentExtractor()),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
            cmd.storages = () -> Storage.open(env);
            int exit = new CommandLine(cmd).execute(url, "--project", "same", "--page-type", "about", "--format", "screenshot,html",
                    "--width", "1000", "--header", "X-Test: 1", "-o", dir.resolve("about.png").toString());
            assertThat(exit).as(err.toString()).isZero();

            StoredCapture api = storage.capture(viaApi.get("id").asText()).orElseThrow();
            StoredCapture current = storage.current(api.key()).orElseThrow();
            assertThat(current.id()).as("the CLI's capture is the key's new current version").isNotEqualTo(api.id());
            assertThat(current.key()).isEqualTo(api.key());
            assertThat(current.pageId()).isEqualTo(api.pageId());
            assertThat(current.optionsJson()).isEqualTo(api.optionsJson()).contains("\"x-test\":\"****\"");
            assertThat(current.version()).isEqualTo(api.version() + 1);
            assertThat(current.artifacts()).extracting(a -> a.format().id()).containsExactlyInAnyOrderElementsOf(
                    api.artifacts().stream().map(a -> a.format().id()).toList());
        }
    }
}
