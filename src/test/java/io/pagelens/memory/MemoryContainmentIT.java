package io.pagelens.memory;

import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pagelens (JVM + Chromium) in a real 512 MB memory cgroup, as on a dyno: a page that allocates until it dies
 * is contained. Its capture fails with a clear error; the JVM survives; the next capture succeeds; nothing
 * is left running.
 */
class MemoryContainmentIT {
    /** Allocates outside the JS heap (typed arrays, touched) and then inside it, never letting go, until killed. */
    private static final String HOG = """
            <!doctype html><title>hog</title><script>
            const keep = [];
            for (;;) {
              try { const a = new Uint8Array(16 << 20); a.fill(7); keep.push(a); }
              catch (e) { keep.push(new Array(1 << 20).fill(keep.length)); }
            }
            </script>""";

    @TempDir
    Path tmp;

    @Test
    void aPageThatAllocatesUntilItDiesIsContained() throws Exception {
        StringBuilder why = new StringBuilder();
        TestCgroup cg = TestCgroup.create(512 * MB, why);
        if (cg == null) System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + why);
        Assumptions.assumeTrue(cg != null, why::toString);
        try (cg; CorpusServer site = new CorpusServer()) {
            site.route("/hog", ex -> {
                byte[] body = HOG.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx96m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders",
                    "-cp", System.getProperty("java.class.path"), ContainmentProbe.class.getName(),
                    site.url("/blog/index.html"), site.url("/hog"), site.url("/blog/index.html")));
            Path log = tmp.resolve("probe.log");
            long oomBefore = cg.reader().oomKills();
            Map<String, String> env = new java.util.HashMap<>(Map.of("WEB_MEMORY", "", "PAGELENS_MEMORY_MB", "",
                    "PAGELENS_CHROME_ARGS", "'--host-resolver-rules=" + io.pagelens.testing.TestEgress.RESOLVER_RULES + "'"));
            env.putAll(io.pagelens.testing.TestEgress.env());
            Process p = cg.start(cmd, env, log);
            boolean ended = p.waitFor(180, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly().waitFor();
            String out = Files.readString(log);
            System.out.println(out);
            System.out.println("oom kills in the cgroup: " + (cg.reader().oomKills() - oomBefore));

            assertThat(ended).as("probe finished").isTrue();
            assertThat(p.exitValue()).as("the JVM was not killed").isZero();
            assertThat(out).contains("RESULT 0 ok");
            assertThat(out).containsPattern("RESULT 1 (RENDERER_CRASHED|MEMORY_PRESSURE) ");
            assertThat(out).contains("RESULT 2 ok");
            assertThat(cg.procs()).as("no Chromium left behind").isEmpty();
        }
    }
}
