package io.pagelens.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100,000-URL frontier in a 64 MB heap (SQLite): the crawl core and the store stream and page through the database,
 * so the JVM holds no whole frontier. An OutOfMemoryError in the child fails the test.
 */
class FrontierScaleIT {
    @TempDir
    Path dir;

    @Test
    void hundredThousandUrls_fitASmallHeap() throws Exception {
        Path out = dir.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), FrontierScaleChild.class.getName(),
                "jdbc:sqlite:" + dir.resolve("scale.db"), "100000")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the child finishes").isTrue();
        String log = Files.readString(out, StandardCharsets.UTF_8);
        System.out.println(log.lines().filter(l -> l.startsWith("OK")).findFirst().orElse(log));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("OK urls=100000");
    }
}
