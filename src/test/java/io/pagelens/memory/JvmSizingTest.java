package io.pagelens.memory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JvmSizingTest {
    @Test
    void heapIsEighteenPercentOfTheBudget_within80And160Mb() {
        assertThat(JvmSizing.forBudget(MemoryBudget.ofMb(384, "t")).heapMb()).isEqualTo(80);
        assertThat(JvmSizing.forBudget(MemoryBudget.ofMb(512, "t")).heapMb()).isEqualTo(92);
        assertThat(JvmSizing.forBudget(MemoryBudget.ofMb(800, "t")).heapMb()).isEqualTo(144);
        assertThat(JvmSizing.forBudget(MemoryBudget.ofMb(1024, "t")).heapMb()).isEqualTo(160);
        assertThat(JvmSizing.forBudget(MemoryBudget.ofMb(512, "t")).flags())
                .contains("-Xmx92m", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps", "-XX:MaxMetaspaceSize=64m");
    }

    /** On a dyno with no limit visible and no variable, the script takes 512 MB as MemoryBudget does (not a share of the host). */
    @Test
    void launcherScript_onADynoWithNothingKnown_sizesFor512Mb() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "pl_cgroup_limit_mb() { :; }; source bin/jvm-flags.sh 2>/dev/null; "
                + "pl_cgroup_limit_mb() { :; }; pl_budget_mb");
        pb.environment().keySet().removeIf(k -> k.equals("WEB_MEMORY") || k.equals("PAGELENS_MEMORY_MB"));
        pb.environment().put("DYNO", "web.1");
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo("512");
    }

    /** The launcher sizes the JVM in shell; `pagelens memory --jvm-flags` prints JvmSizing: they must not drift. */
    @Test
    void launcherScriptGivesTheSameFlags() throws Exception {
        for (String mb : List.of("384", "512", "1024")) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                    "source bin/jvm-flags.sh && echo \"$PL_BUDGET_MB\" && printf '%s\\n' \"${PL_JVM_FLAGS[@]}\"");
            pb.environment().remove("WEB_MEMORY");
            pb.environment().remove("PAGELENS_JAVA_OPTS");
            pb.environment().put("PAGELENS_MEMORY_MB", mb);
            Process p = pb.redirectErrorStream(true).start();
            List<String> lines = Arrays.asList(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n"));
            assertThat(p.waitFor()).isZero();
            int budget = Integer.parseInt(lines.getFirst()); // a cgroup limit below mb wins, in both
            assertThat(lines.subList(1, lines.size())).as("bin/jvm-flags.sh at %s MB", mb)
                    .containsExactlyElementsOf(JvmSizing.forBudget(MemoryBudget.ofMb(budget, "t")).flags());
        }
    }
}
