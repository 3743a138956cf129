package io.pagelens.memory;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBudgetTest {
    private static final long PHYSICAL = 24L * 1024 * MB;

    @Test
    void smallestOfCgroupAndEnvWins() {
        CgroupMemory cg = limited(1024 * MB);
        assertThat(MemoryBudget.resolve(new Env(Map.of("WEB_MEMORY", "512")), cg, PHYSICAL))
                .isEqualTo(MemoryBudget.ofMb(512, "WEB_MEMORY"));
        assertThat(MemoryBudget.resolve(new Env(Map.of("WEB_MEMORY", "512", "PAGELENS_MEMORY_MB", "384")), cg, PHYSICAL))
                .isEqualTo(MemoryBudget.ofMb(384, "PAGELENS_MEMORY_MB"));
        assertThat(MemoryBudget.resolve(new Env(Map.of("WEB_MEMORY", "2048")), cg, PHYSICAL))
                .isEqualTo(MemoryBudget.ofMb(1024, "cgroup"));
    }

    @Test
    void unlimitedFallsBackToAQuarterOfPhysicalClamped() {
        assertThat(MemoryBudget.resolve(new Env(Map.of()), CgroupMemory.NONE, PHYSICAL)).isEqualTo(MemoryBudget.ofMb(2048, "default"));
        assertThat(MemoryBudget.resolve(new Env(Map.of()), CgroupMemory.NONE, 2048 * MB)).isEqualTo(MemoryBudget.ofMb(512, "default"));
        assertThat(MemoryBudget.resolve(new Env(Map.of()), CgroupMemory.NONE, 4096 * MB)).isEqualTo(MemoryBudget.ofMb(1024, "default"));
    }

    @Test
    void onAHerokuDyno_withNothingElseKnown_isTheSmallestDyno_andALimitStillWins() {
        assertThat(MemoryBudget.resolve(new Env(Map.of("DYNO", "web.1")), CgroupMemory.NONE, PHYSICAL))
                .as("no cgroup limit visible, no variable: not a quarter of the host's 24 GB").isEqualTo(MemoryBudget.ofMb(512, "DYNO"));
        assertThat(MemoryBudget.resolve(new Env(Map.of("DYNO", "web.1")), limited(1024 * MB), PHYSICAL)).isEqualTo(MemoryBudget.ofMb(1024, "cgroup"));
        assertThat(MemoryBudget.resolve(new Env(Map.of("DYNO", "worker.1", "PAGELENS_MEMORY_MB", "2560")), CgroupMemory.NONE, PHYSICAL))
                .isEqualTo(MemoryBudget.ofMb(2560, "PAGELENS_MEMORY_MB"));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> MemoryBudget.resolve(new Env(Map.of("WEB_MEMORY", "512MB")), CgroupMemory.NONE, PHYSICAL))
                .isInstanceOf(ConfigException.class).hasMessage("WEB_MEMORY=512MB: must be a whole number of MB");
        assertThatThrownBy(() -> MemoryBudget.resolve(new Env(Map.of("PAGELENS_MEMORY_MB", "64")), CgroupMemory.NONE, PHYSICAL))
                .isInstanceOf(ConfigException.class).hasMessage("PAGELENS_MEMORY_MB=64: must be at least 128 (MB)");
    }

    static CgroupMemory limited(long bytes) {
        return new CgroupMemory() {
            @Override
            public OptionalLong limitBytes() {
                return OptionalLong.of(bytes);
            }

            @Override
            public long usedBytes() {
                return 0;
            }

            @Override
            public long oomKills() {
                return 0;
            }

            @Override
            public String describe() {
                return "fake";
            }
        };
    }
}
