package io.pagelens.memory;

import org.junit.jupiter.api.Test;

import static io.pagelens.memory.MemoryBudget.MB;
import static io.pagelens.memory.PressureLevel.CRITICAL;
import static io.pagelens.memory.PressureLevel.HIGH;
import static io.pagelens.memory.PressureLevel.OK;
import static io.pagelens.memory.PressureLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PressureThresholdsTest {
    // 500 MB budget: warn 400, high 440, critical 470, hysteresis 25
    private final PressureThresholds t = PressureThresholds.percentOf(500 * MB, 80, 88, 94);

    @Test
    void risesStraightToTheLevelOfTheReading() {
        assertThat(t.next(OK, 399 * MB)).isEqualTo(OK);
        assertThat(t.next(OK, 400 * MB)).isEqualTo(WARN);
        assertThat(t.next(OK, 445 * MB)).isEqualTo(HIGH);
        assertThat(t.next(WARN, 480 * MB)).isEqualTo(CRITICAL);
    }

    @Test
    void fallsOnlyOnceClearOfTheThresholdByTheHysteresis() {
        assertThat(t.next(HIGH, 420 * MB)).as("20 MB under high").isEqualTo(HIGH);
        assertThat(t.next(HIGH, 414 * MB)).isEqualTo(WARN);
        assertThat(t.next(CRITICAL, 300 * MB)).isEqualTo(OK);
        assertThat(t.next(WARN, 380 * MB)).isEqualTo(WARN);
        assertThat(t.next(WARN, 374 * MB)).isEqualTo(OK);
    }

    @Test
    void thresholdsMustRise() {
        assertThatThrownBy(() -> new PressureThresholds(10, 10, 20, 0)).hasMessageContaining("highBytes must be above warnBytes");
    }
}
