package io.pagelens.cli;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.config.Env;
import io.pagelens.store.BlobSink;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.FakeCaptures;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pagelens list} and {@code pagelens gc} on the embedded default (SQLite + blob folder in PAGELENS_DATA). */
class StoreCommandsIT {
    @TempDir
    Path data;

    Env env() {
        return new Env(Map.of("PAGELENS_DATA", data.toString()));
    }

    StoredCapture store(String project, String pageType, String url, String html) {
        try (Storage s = Storage.open(env())) {
            CaptureRequest req = FakeCaptures.request(url, Format.HTML);
            BlobSink sink = s.openSink();
            CaptureResult result = FakeCaptures.capture(req, sink, html);
            return s.save(CaptureKey.of(project, pageType, req, null), result, sink);
        }
    }

    String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int code = cl.execute(args);
        return code + "\n" + out;
    }

    ListCommand list() {
        ListCommand c = new ListCommand();
        c.env = env();
        return c;
    }

    @Test
    void list_showsProjectsThenPagesAndCaptures() throws Exception {
        assertThat(run(list())).startsWith("0\n").contains("no projects stored yet");
        store("demo", "home", "https://example.com/", "<p>one</p>");
        StoredCapture second = store("demo", "home", "https://example.com/", "<p>two</p>");

        assertThat(run(list())).contains("PROJECT").contains("demo");
        String project = run(list(), "demo");
        assertThat(project).contains("1 page(s), 1 current capture(s)").contains("https://example.com/").contains(second.id());
        assertThat(run(list(), "demo", "--history")).contains("2 capture version(s)");
        assertThat(run(list(), "demo", "--json")).contains("\"pageType\":\"home\"").contains("\"version\":2");
        assertThat(run(list(), "nope")).startsWith("2\n").contains("no project 'nope'");
    }

    @Test
    void list_takesTheProjectAsArgumentOrAsCaptureDoes() throws Exception {
        StoredCapture c = store("demo", "home", "https://example.com/", "<p>one</p>");
        assertThat(run(list(), "--project", "demo")).isEqualTo(run(list(), "demo")).contains(c.id());
        assertThat(run(list(), "--project", "demo", "other")).startsWith("2\n").contains("give one");
    }

    @Test
    void gc_json_givesTheFigures() throws Exception {
        store("demo", "home", "https://example.com/", "<p>kept</p>");
        GcCommand gc = new GcCommand();
        gc.env = env();
        String out = run(gc, "--json");
        assertThat(out).startsWith("0\n");
        com.fasterxml.jackson.databind.JsonNode n = io.pagelens.json.Jackson.MAPPER.readTree(out.substring(2).lines()
                .filter(l -> l.startsWith("{")).findFirst().orElseThrow());
        assertThat(n.get("retentionApplied").asBoolean()).isTrue();
        assertThat(n.get("blobsDeleted").asInt()).isZero();
        assertThat(n.has("bytesFreed")).isTrue();
    }

    @Test
    void keys_createByArgumentOrFlag_andListAsJson() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(keys("create", "ci")).isZero();
            assertThat(keys("create", "--name", "deploy", "--rate", "30")).isZero();
            assertThat(keys("create")).isEqualTo(2);
            assertThat(keys("create", "a", "--name", "b")).isEqualTo(2);
            assertThat(keys("create", "acme-ci", "--tenant", "acme")).isZero();
            assertThat(keys("create", "ops", "--tenant", "ops", "--admin")).isZero();
            assertThat(keys("create", "bad", "--tenant", "Not A Tenant")).as("a bad tenant name is refused").isEqualTo(2);
            buf.reset();
            assertThat(keys("list", "--json")).isZero();
        } finally {
            System.setOut(old);
        }
        java.util.List<com.fasterxml.jackson.databind.JsonNode> rows = new java.util.ArrayList<>();
        for (String l : buf.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (l.startsWith("{")) rows.add(io.pagelens.json.Jackson.MAPPER.readTree(l));
        }
        assertThat(rows).extracting(r -> r.get("name").asText()).containsExactlyInAnyOrder("ci", "deploy", "acme-ci", "ops");
        assertThat(rows).extracting(r -> r.get("name").asText() + "@" + r.get("tenant").asText() + (r.get("admin").asBoolean() ? "+admin" : ""))
                .as("the tenant is 'default' unless --tenant names one").containsExactlyInAnyOrder("ci@default", "deploy@default", "acme-ci@acme", "ops@ops+admin");
        assertThat(rows).allSatisfy(r -> assertThat(r.has("secretHash") || r.has("token")).as("never the secret").isFalse());
        assertThat(rows).filteredOn(r -> r.get("name").asText().equals("deploy")).singleElement()
                .satisfies(r -> assertThat(r.get("ratePerMinute").asInt()).isEqualTo(30));
    }

    private int keys(String... args) {
        KeysCommand k = new KeysCommand();
        k.env = env();
        CommandLine cl = new CommandLine(k);
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void gc_appliesRetentionAndDeletesNothingInUse() throws Exception {
        store("demo", "home", "https://example.com/", "<p>kept</p>");
        GcCommand gc = new GcCommand();
        gc.env = env();
        String out = run(gc);
        assertThat(out).startsWith("0\n").contains("retention: 0 capture version(s) removed").contains("gc: 0 blob(s) deleted");
        assertThat(run(list(), "demo")).contains("1 current capture(s)");
    }
}
