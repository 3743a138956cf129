package io.pagelens.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh memory cgroup for one test, made the way ../shared/bench/memcap makes one: v1 memory controller
 * when mounted, else v2; swap off; the command started inside it. {@link #close()} kills what is left and
 * removes the group.
 */
final class TestCgroup implements AutoCloseable {
    private static final Path V1 = Path.of("/sys/fs/cgroup/memory");
    private static final Path V2 = Path.of("/sys/fs/cgroup");

    final int version;
    final Path dir;
    private final Path mount;

    private TestCgroup(int version, Path mount, long limitBytes) throws IOException {
        this.version = version;
        this.mount = mount;
        this.dir = Files.createDirectory(mount.resolve("pagelens-test-" + UUID.randomUUID().toString().substring(0, 8)));
        if (version == 1) {
            write("memory.limit_in_bytes", limitBytes);
            if (Files.exists(dir.resolve("memory.memsw.limit_in_bytes"))) {
                try {
                    write("memory.memsw.limit_in_bytes", limitBytes);
                } catch (IOException ignored) {
                    // swap accounting off: nothing to limit
                }
            }
        } else {
            write("memory.max", limitBytes);
            try {
                Files.writeString(dir.resolve("memory.swap.max"), "0");
            } catch (IOException ignored) {
                // no swap controller
            }
        }
    }

    /** A new group, or null with the reason printed when this machine cannot make one. */
    static TestCgroup create(long limitBytes, StringBuilder whyNot) {
        try {
            if (Files.exists(V1.resolve("memory.limit_in_bytes"))) return new TestCgroup(1, V1, limitBytes);
            Path controllers = V2.resolve("cgroup.controllers");
            if (Files.exists(controllers) && Files.readString(controllers).contains("memory")) return new TestCgroup(2, V2, limitBytes);
            whyNot.append("no memory cgroup controller mounted under /sys/fs/cgroup");
        } catch (IOException | SecurityException e) {
            whyNot.append("cgroups not writable here: ").append(e);
        }
        return null;
    }

    /** Starts {@code command} inside the group (the shell joins it, then execs), output to {@code log}. */
    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", dir.resolve("cgroup.procs").toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The group as pagelens reads it. */
    CgroupFiles reader() {
        return new CgroupFiles(version, dir, mount);
    }

    List<Long> procs() throws IOException {
        return Files.readAllLines(dir.resolve("cgroup.procs")).stream().filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    }

    private void write(String file, long value) throws IOException {
        Files.writeString(dir.resolve(file), Long.toString(value));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (int i = 0; i < 50 && Files.exists(dir); i++) {
            List<Long> left = procs();
            if (left.isEmpty()) break;
            for (long pid : left) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(100);
        }
        Files.deleteIfExists(dir);
    }
}
