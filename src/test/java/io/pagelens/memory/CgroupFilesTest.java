package io.pagelens.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

class CgroupFilesTest {
    @TempDir
    Path root;

    private static final String V1_MOUNTS = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void v1_readsLimitUsageAndOomKillsOfOwnCgroup() throws IOException {
        proc("4:memory:/dyno/web.1\n0::/\n", V1_MOUNTS);
        Path dir = dir("sys/fs/cgroup/memory/dyno/web.1");
        write(dir, "memory.limit_in_bytes", String.valueOf(512 * MB));
        write(dir, "memory.stat", "cache 999\nrss 100\nshmem 5\ntotal_cache 9999\ntotal_rss " + 300 * MB
                + "\ntotal_shmem " + 10 * MB + "\nhierarchical_memory_limit 9223372036854771712\n");
        write(dir, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        dir("sys/fs/cgroup/unified"); // v2 mount without the memory controller: ignored

        CgroupMemory cg = CgroupFiles.detect(root.resolve("proc"), root);

        assertThat(cg.describe()).startsWith("cgroup v1 ").endsWith("dyno/web.1");
        assertThat(cg.limitBytes()).hasValue(512 * MB);
        assertThat(cg.usedBytes()).isEqualTo(310 * MB);
        assertThat(cg.oomKills()).isEqualTo(2);
    }

    @Test
    void v1_hierarchicalLimitOfAnAncestorWins() throws IOException {
        proc("4:memory:/a/b\n", V1_MOUNTS);
        Path dir = dir("sys/fs/cgroup/memory/a/b");
        write(dir, "memory.limit_in_bytes", "9223372036854771712");
        write(dir, "memory.stat", "rss 7\nshmem 1\nhierarchical_memory_limit " + 384 * MB + "\n");

        CgroupMemory cg = CgroupFiles.detect(root.resolve("proc"), root);

        assertThat(cg.limitBytes()).hasValue(384 * MB);
        assertThat(cg.usedBytes()).as("falls back to rss/shmem without total_*").isEqualTo(8);
    }

    @Test
    void v1_unlimitedIsEmpty() throws IOException {
        proc("4:memory:/\n", V1_MOUNTS);
        Path dir = dir("sys/fs/cgroup/memory");
        write(dir, "memory.limit_in_bytes", "9223372036854771712");
        write(dir, "memory.stat", "total_rss 1\ntotal_shmem 0\n");
        assertThat(CgroupFiles.detect(root.resolve("proc"), root).limitBytes()).isEmpty();
    }

    @Test
    void v1_containerMountOfASubtreeStripsTheMountRoot() throws IOException {
        // inside a container the hierarchy's /docker/abc is mounted at /sys/fs/cgroup/memory
        proc("9:memory:/docker/abc\n", "35 31 0:32 /docker/abc /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n");
        Path dir = dir("sys/fs/cgroup/memory");
        write(dir, "memory.limit_in_bytes", String.valueOf(1024 * MB));
        write(dir, "memory.stat", "total_rss 5\ntotal_shmem 5\n");
        assertThat(CgroupFiles.detect(root.resolve("proc"), root).limitBytes()).hasValue(1024 * MB);
    }

    @Test
    void v2_smallestMemoryMaxOnThePathUpWins() throws IOException {
        proc("0::/user.slice/app.scope\n", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Path mount = dir("sys/fs/cgroup");
        write(mount, "cgroup.controllers", "cpu memory pids");
        write(dir("sys/fs/cgroup/user.slice"), "memory.max", String.valueOf(512 * MB));
        Path dir = dir("sys/fs/cgroup/user.slice/app.scope");
        write(dir, "memory.max", "max");
        write(dir, "memory.stat", "anon " + 200 * MB + "\nfile " + 900 * MB + "\nshmem " + 20 * MB + "\n");
        write(dir, "memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");

        CgroupMemory cg = CgroupFiles.detect(root.resolve("proc"), root);

        assertThat(cg.describe()).startsWith("cgroup v2 ");
        assertThat(cg.limitBytes()).hasValue(512 * MB);
        assertThat(cg.usedBytes()).as("anon + shmem, page cache left out").isEqualTo(220 * MB);
        assertThat(cg.oomKills()).isEqualTo(1);
    }

    @Test
    void v2_unlimitedEverywhereIsEmpty() throws IOException {
        proc("0::/x\n", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Path dir = dir("sys/fs/cgroup/x");
        write(dir, "memory.max", "max");
        write(dir, "memory.stat", "anon 1\nshmem 0\n");
        assertThat(CgroupFiles.detect(root.resolve("proc"), root).limitBytes()).isEmpty();
    }

    @Test
    void noMemoryControllerAnywhereIsNone() throws IOException {
        proc("0::/\n", "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n");
        dir("sys/fs/cgroup/unified");
        CgroupMemory cg = CgroupFiles.detect(root.resolve("proc"), root);
        assertThat(cg).isSameAs(CgroupMemory.NONE);
        assertThat(cg.present()).isFalse();
        assertThat(cg.limitBytes()).isEmpty();
    }

    @Test
    void missingProcFilesIsNone() {
        assertThat(CgroupFiles.detect(root.resolve("nothing"), root)).isSameAs(CgroupMemory.NONE);
    }

    @Test
    void thisMachine_readsItsOwnCgroup() {
        CgroupMemory cg = CgroupFiles.detect();
        System.out.println("this machine: " + cg.describe() + ", limit " + cg.limitBytes() + ", used " + cg.usedBytes());
        if (cg.present()) assertThat(cg.usedBytes()).isPositive();
    }

    private void proc(String cgroup, String mountinfo) throws IOException {
        Path p = dir("proc");
        write(p, "cgroup", cgroup);
        write(p, "mountinfo", mountinfo);
    }

    private Path dir(String rel) throws IOException {
        return Files.createDirectories(root.resolve(rel));
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
