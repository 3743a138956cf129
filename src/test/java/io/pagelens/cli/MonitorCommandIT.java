package io.pagelens.cli;

import com.sun.net.httpserver.HttpServer;
import io.pagelens.config.Env;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pagelens monitor add|list|run|rm} on the embedded default, with a real Chromium against a page on 127.0.0.1. */
class MonitorCommandIT {
    @TempDir
    Path data;

    private Env env() {
        Map<String, String> m = new HashMap<>(TestEgress.env());
        m.put("PAGELENS_DATA", data.toString());
        m.put("PAGELENS_CHROME_ARGS", "'--host-resolver-rules=" + TestEgress.RESOLVER_RULES + "'"); // shell words: quoted
        System.getenv().entrySet().stream().filter(e -> e.getKey().equals("CHROME_PATH")).forEach(e -> m.put(e.getKey(), e.getValue()));
        return new Env(m);
    }

    /** Exit code, then stdout, then stderr. */
    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            MonitorCommand c = new MonitorCommand();
            c.env = env();
            int code = new CommandLine(c).execute(args);
            return new String[]{Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void addListRunRm() throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        site.createContext("/", ex -> {
            byte[] b = "<!doctype html><h1>Hello</h1>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        site.start();
        try {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
            String[] bad = run("add", url, "--interval", "5s");
            assertThat(bad[0]).isEqualTo("2");
            assertThat(bad[2]).contains("--interval").contains("PAGELENS_MONITOR_MIN_INTERVAL");
            String[] badCrawl = run("add", "--project-id", "shop", "--interval", "1h", "--crawl", "{\"maxDepth\":-1}");
            assertThat(badCrawl[0]).isEqualTo("2");
            assertThat(badCrawl[2]).contains("--crawl-max-depth");
            String[] added = run("add", url, "--interval", "1h", "--min-changed-words", "3");
            assertThat(added[0]).isEqualTo("0");
            String[] lines = added[1].trim().split("\n");
            String id = lines[lines.length - 1].trim(); // the last line: log lines may come first in tests
            assertThat(id).startsWith("mon_");
            assertThat(run("list")[1]).contains(id).contains("every 1h").contains(url);
            String[] first = run("run", id);
            assertThat(first[0]).as(first[2]).isEqualTo("0");
            assertThat(first[1]).contains("new  " + url);
            String[] second = run("run", id);
            assertThat(second[1]).contains("same  " + url);
            assertThat(run("list")[1]).contains("last=same");
            assertThat(run("rm", id)[0]).isEqualTo("0");
            assertThat(run("rm", id)[0]).isEqualTo("1");
            assertThat(run("list")[1]).doesNotContain(id);
        } finally {
            site.stop(0);
        }
    }
}
