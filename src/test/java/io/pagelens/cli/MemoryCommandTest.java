package io.pagelens.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryCommandTest {
    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new Main()).execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsBudgetThresholdsUsageAndSizing() {
        assertThat(run("memory"))
                .containsPattern("budget +\\d+ MB \\((cgroup|default|WEB_MEMORY|PAGELENS_MEMORY_MB)\\)")
                .containsPattern("admission +ceiling \\d+ MB")
                .containsPattern("used now +\\d+ MB")
                .contains("JVM sizing      -XX:+UseSerialGC");
    }

    @Test
    void json_givesStatusThresholdsAndFlags() throws Exception {
        String[] lines = run("memory", "--json").trim().split("\n");
        var n = io.pagelens.json.Jackson.MAPPER.readTree(lines[lines.length - 1]);
        assertThat(n.get("status").get("budgetMb").asLong()).isPositive();
        assertThat(n.get("thresholdsMb").get("critical").asLong()).isGreaterThan(n.get("thresholdsMb").get("warn").asLong());
        assertThat(n.get("jvmFlags").get(0).asText()).isEqualTo("-XX:+UseSerialGC");
    }

    @Test
    void jvmFlagsAlone() {
        String[] lines = run("memory", "--jvm-flags").trim().split("\n");
        // the test logback config writes logs to stdout too; the flags are the last line, all of it
        assertThat(lines[lines.length - 1]).startsWith("-XX:+UseSerialGC").containsPattern("-Xmx\\d+m");
    }
}
