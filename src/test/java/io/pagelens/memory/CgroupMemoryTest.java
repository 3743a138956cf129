package io.pagelens.memory;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupMemoryTest {
    private static CgroupMemory cgroup(OptionalLong limit) {
        return new CgroupMemory() {
            @Override
            public OptionalLong limitBytes() {
                return limit;
            }

            @Override
            public long usedBytes() {
                return 3L << 30; // other processes' memory in a shared group
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

    @Test
    void aLimitedCgroupIsOurs_anUnlimitedOneIsShared() {
        CgroupMemory limited = cgroup(OptionalLong.of(512L << 20));
        assertThat(CgroupMemory.limitedOrNone(limited)).isSameAs(limited);
        assertThat(CgroupMemory.limitedOrNone(cgroup(OptionalLong.empty()))).isSameAs(CgroupMemory.NONE);
        assertThat(CgroupMemory.limitedOrNone(CgroupMemory.NONE)).isSameAs(CgroupMemory.NONE);
    }
}
