package io.pagelens.memory;

import org.junit.jupiter.api.Test;

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
}
