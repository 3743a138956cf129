package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.jobs.Job;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture's header and cookie values reach the page, and nowhere else: not in any file under the data folder
 * (SQLite with its WAL, the blobs, the key file), not in any text column of any PostgreSQL table, not in the logs,
 * not in error messages; and the sealed copy in the job row is gone once the job ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsAtRestIT {
    static final String SECRET = "s3cr3t-XYZ";
    static final String HEADERS = "\"headers\":{\"Authorization\":\"Bearer " + SECRET + "\"},\"cookies\":[{\"name\":\"sid\",\"value\":\"" + SECRET + "\"}]";

    CorpusServer site;
    CaptureEngine engine;
    final AtomicInteger authorized = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer().route("/private", ex -> {
            boolean auth = ("Bearer " + SECRET).equals(ex.getRequestHeaders().getFirst("Authorization"));
            boolean cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie")).contains("sid=" + SECRET);
            if (auth && cookie) authorized.incrementAndGet();
            String q = ex.getRequestURI().getQuery();
            if (q != null && q.startsWith("ms=")) CorpusServer.pause(Long.parseLong(q.substring(3)));
            CorpusServer.send(ex, auth && cookie ? 200 : 401, "text/html",
                    "<html><head><title>Members</title></head><body><h1>Members only</h1><a href=\"/next\">next</a></body></html>");
        });
        engine = ApiHarness.newEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) engine.close();
        if (site != null) site.close();
    }

    private String body(String path, String extra) {
        return "{\"url\":\"" + site.url(path) + "\"," + HEADERS + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void headersAndCookies_areUsed_thenFoundNowhereAtRest(String database) throws Exception {
        int before = authorized.get();
        List<String> responses = new ArrayList<>();
        try (LogCapture logs = new LogCapture(); ApiHarness h = new ApiHarness(engine, database.equals("postgres"));
             PagelensServer server = h.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")))) {
            ApiHarness.Client api = h.client(server, null);

            JsonNode sync = api.json("POST", "/v1/captures", body("private",
                    "\"formats\":[\"screenshot\",\"html\",\"markdown\",\"links\",\"metadata\"],\"projectId\":\"members\""), 200);
            responses.add(sync.toString());
            assertThat(authorized.get()).as("the page got the header and the cookie").isGreaterThan(before);
            assertThat(sync.get("options").toString()).contains("****");

            // while a job waits or runs, its row holds the sealed secrets only; once it ended, nothing
            JsonNode async = api.json("POST", "/v1/captures", body("private?ms=1500", "\"async\":true,\"projectId\":\"members\""), 202);
            String id = async.get("id").asText();
            Job live = server.jobs().get(id).orElseThrow();
            assertThat(live.secrets()).startsWith("v1:").doesNotContain(SECRET);
            assertThat(live.payload()).doesNotContain(SECRET);
            JsonNode done = api.awaitJob(id, Duration.ofSeconds(60));
            assertThat(done.get("state").asText()).isEqualTo("succeeded");
            responses.add(done.toString());
            assertThat(server.jobs().get(id).orElseThrow().secrets()).as("removed when the job ended").isNull();
            assertThat(server.jobs().get(sync.get("jobId").asText()).orElseThrow().secrets()).isNull();

            // a failure's message, stored and returned, does not carry them either
            String failed = api.send("POST", "/v1/captures", body("no/such/page.html", "")).body();
            responses.add(failed);
            assertThat(failed).contains("http_error");

            server.close(); // let the workers and pools finish writing before looking at the files
            for (String r : responses) assertThat(r).doesNotContain(SECRET);
            assertThat(filesContaining(h.dataDir)).as("files under the data folder holding the secret").isEmpty();
            if (database.equals("postgres")) assertThat(postgresColumnsContaining(h)).as("PostgreSQL columns holding it").isEmpty();
            assertThat(logs.lines()).isNotEmpty();
            assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
        }
    }

    static List<Path> filesContaining(Path dir) throws IOException {
        byte[] needle = SECRET.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the data folder has the database, blobs and key").anyMatch(p -> p.toString().endsWith("pagelens.db")
                || p.toString().contains("blobs"));
        for (Path f : files) {
            if (indexOf(Files.readAllBytes(f), needle) >= 0) hits.add(f);
        }
        return hits;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Every text column of every table, searched with LIKE. */
    static List<String> postgresColumnsContaining(ApiHarness h) {
        return h.storage.database().read(c -> {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character')");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) columns.add(rs.getString(1) + "." + rs.getString(2));
            }
            assertThat(columns).contains("jobs.payload", "jobs.secrets", "captures.options_json", "captures.report_json");
            List<String> hits = new ArrayList<>();
            for (String col : columns) {
                String[] tc = col.split("\\.");
                try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM \"" + tc[0] + "\" WHERE \"" + tc[1] + "\" LIKE ?")) {
                    st.setString(1, "%" + SECRET + "%");
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) hits.add(col);
                    }
                }
            }
            return hits;
        });
    }
}
