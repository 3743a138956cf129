package io.pagelens.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A process and its descendants: their ids, their memory, and killing them all. Linux /proc based. */
final class ProcessTree {
    private ProcessTree() {
    }

    /** The root first, then every live descendant. Empty when the root is gone. */
    static List<ProcessHandle> of(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        if (!root.isAlive()) return all;
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /**
     * Proportional set size of the processes in bytes: what they cost the machine, shared pages split
     * between sharers. Processes that vanish while being read count as 0.
     */
    static long pssBytes(List<Long> pids) {
        long kb = 0;
        for (long pid : pids) {
            kb += pssKb(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
        }
        return kb * 1024;
    }

    private static long pssKb(Path rollup) {
        try {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read: counts as nothing
        }
        return 0;
    }

    /**
     * Kills the tree. The snapshot is taken before any kill, because children of a dead parent are
     * re-parented and would no longer show up as descendants. Waits up to {@code waitMs} for the root.
     */
    static void kill(ProcessHandle root, long waitMs) {
        kill(of(root), root, waitMs);
    }

    /** Kills a snapshot taken earlier (plus anything now under the root), then waits for the root. */
    static void kill(List<ProcessHandle> snapshot, ProcessHandle root, long waitMs) {
        List<ProcessHandle> all = new ArrayList<>(snapshot);
        root.descendants().forEach(all::add);
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroyForcibly();
        }
        try {
            root.onExit().get(waitMs, TimeUnit.MILLISECONDS);
            for (ProcessHandle h : all) {
                if (h.isAlive()) h.onExit().get(200, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            // reported by the caller through isAlive()
        }
    }
}
