package io.pagelens.memory;

import io.pagelens.config.Env;

/** Run inside a test cgroup: prints what pagelens makes of it, as key=value. */
public final class CgroupProbe {
    private CgroupProbe() {
    }

    public static void main(String[] args) {
        CgroupMemory cg = CgroupFiles.detect();
        MemoryBudget budget = MemoryBudget.resolve(Env.system(), cg, MemoryBudget.physicalBytes());
        System.out.println("budgetMb=" + budget.mb() + " source=" + budget.source() + " usedMb=" + cg.usedBytes() / MemoryBudget.MB
                + " measuredBy=" + cg.describe().replace(' ', '_'));
    }
}
