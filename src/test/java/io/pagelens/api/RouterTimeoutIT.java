package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Heroku ({@code DYNO} set) a synchronous capture still running at the request deadline answers 202 with its job,
 * which runs on and stores the capture; the router never sees a request outlive its 30 s.
 */
class RouterTimeoutIT {
    @Test
    void onADyno_aCaptureLongerThanTheDeadline_answers202WithItsJob_whichThenSucceeds() throws Exception {
        try (CorpusServer site = new CorpusServer().route("/slow", ex -> {
            CorpusServer.pause(3500);
            CorpusServer.send(ex, 200, "text/html", "<html><body><h1>slow page</h1></body></html>");
        });
             ApiHarness h = new ApiHarness();
             PagelensServer server = h.start(ApiHarness.settings(Map.of("DYNO", "web.1", "PAGELENS_REQUEST_DEADLINE", "1s",
                     "PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = h.client(server, null);
            HttpResponse<String> r = c.send("POST", "/v1/captures", "{\"url\":\"" + site.url("slow") + "\",\"projectId\":\"late\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode job = Jackson.MAPPER.readTree(r.body());
            assertThat(r.headers().firstValue("Location")).hasValue("/v1/jobs/" + job.get("id").asText());
            JsonNode done = c.awaitJob(job.get("id").asText(), Duration.ofSeconds(60));
            assertThat(done.get("state").asText()).as("the handed-off job runs on past the request deadline").isEqualTo("succeeded");
            assertThat(h.storage.project("late")).as("its capture is stored").isPresent();
        }
    }
}
