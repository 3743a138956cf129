package io.pagelens.memory;

import java.util.OptionalLong;

/**
 * The memory cgroup this process is charged to, read the way a dyno's quota counts it. One real
 * implementation ({@link CgroupFiles}); tests hand the governor fake readings instead.
 */
public interface CgroupMemory {
    /** The effective limit (the smallest on the path to the root), empty when unlimited. */
    OptionalLong limitBytes();

    /** Anonymous + shared memory charged to the cgroup: what the quota counts. Page cache is left out (reclaimable). */
    long usedBytes();

    /** OOM kills the kernel has made inside this cgroup so far. */
    long oomKills();

    /** Where the figures come from, for logs ("cgroup v2 /sys/fs/cgroup/x"). */
    String describe();

    /** No memory cgroup found: no limit, no figures; usage then comes from process PSS. */
    CgroupMemory NONE = new CgroupMemory() {
        @Override
        public OptionalLong limitBytes() {
            return OptionalLong.empty();
        }

        @Override
        public long usedBytes() {
            return -1;
        }

        @Override
        public long oomKills() {
            return 0;
        }

        @Override
        public String describe() {
            return "no memory cgroup";
        }
    };

    /**
     * {@code found} when it has a limit, else {@link #NONE}: an unlimited cgroup is a shared one (a login session, a CI
     * runner, a container started without a memory limit), whose usage counts other processes too; this process
     * tree's PSS is then the only figure that is ours.
     */
    static CgroupMemory limitedOrNone(CgroupMemory found) {
        return found.limitBytes().isPresent() ? found : NONE;
    }

    default boolean present() {
        return this != NONE;
    }
}
