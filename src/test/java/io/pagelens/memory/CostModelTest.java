package io.pagelens.memory;

import org.junit.jupiter.api.Test;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

class CostModelTest {
    private final CostModel costs = new CostModel(16 * MB, 256 * MB);

    @Test
    void startsFromThePriorPlusItsSpread() {
        // prior 64 MB; deviation at least a quarter of the mean (16 MB); estimate = mean + 2 deviations
        assertThat(costs.estimate(CaptureKind.VIEWPORT)).isEqualTo(96 * MB);
        assertThat(costs.estimate(CaptureKind.FULL_PAGE)).isGreaterThan(costs.estimate(CaptureKind.VIEWPORT));
    }

    @Test
    void learnsDownTowardsSteadyObservations_keepingHalfTheMeanInReserve() {
        for (int i = 0; i < 30; i++) costs.observe(CaptureKind.VIEWPORT, null, 30 * MB);
        assertThat(costs.estimate(CaptureKind.VIEWPORT)).isBetween(45 * MB, 46 * MB);
    }

    @Test
    void learnsUpAndVariedCostsReserveMore() {
        for (int i = 0; i < 30; i++) costs.observe(CaptureKind.PDF, null, (i % 2 == 0 ? 60 : 140) * MB);
        // mean ~100 MB, deviation ~40 MB
        assertThat(costs.estimate(CaptureKind.PDF)).isBetween(160 * MB, 200 * MB);
    }

    @Test
    void perHostOnlyAfterTwoObservations() {
        for (int i = 0; i < 10; i++) costs.observe(CaptureKind.FULL_PAGE, "light.example", 40 * MB);
        costs.observe(CaptureKind.FULL_PAGE, "heavy.example", 200 * MB);
        assertThat(costs.estimate(CaptureKind.FULL_PAGE, "heavy.example")).isEqualTo(costs.estimate(CaptureKind.FULL_PAGE));
        costs.observe(CaptureKind.FULL_PAGE, "heavy.example", 200 * MB);
        assertThat(costs.estimate(CaptureKind.FULL_PAGE, "heavy.example")).isGreaterThan(200 * MB);
        assertThat(costs.estimate(CaptureKind.FULL_PAGE, "light.example")).isLessThan(100 * MB);
        assertThat(costs.estimate(CaptureKind.FULL_PAGE, "unseen.example")).isEqualTo(costs.estimate(CaptureKind.FULL_PAGE));
    }

    @Test
    void observationsAreClampedToFloorAndCap() {
        for (int i = 0; i < 50; i++) costs.observe(CaptureKind.VIEWPORT, null, -100 * MB);
        assertThat(costs.estimate(CaptureKind.VIEWPORT)).isBetween(24 * MB, 25 * MB);
        for (int i = 0; i < 50; i++) costs.observe(CaptureKind.VIEWPORT, null, 4000 * MB);
        assertThat(costs.estimate(CaptureKind.VIEWPORT)).as("capped").isEqualTo(256 * MB);
    }
}
