package io.pagelens.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory figures for the access log and /v1/status. The memory governor supplies a probe that also knows
 * Chromium's share; {@link #jvmOnly()} is what runs without it.
 */
@FunctionalInterface
public interface MemoryProbe {
    Figures read();

    /** Megabytes; -1 where the probe cannot tell. */
    record Figures(long rssMb, long heapMb, long chromiumMb) {
    }

    /** JVM heap in use and this process's RSS from /proc; Chromium unknown. */
    static MemoryProbe jvmOnly() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            return new Figures(selfRssMb(), heap, -1);
        };
    }

    private static long selfRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or /proc hidden: the log shows -1
        }
        return -1;
    }
}
