package io.pagelens.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/** Proportional set size of one process: its fair share of the memory it maps, shared pages divided among users. */
@FunctionalInterface
public interface ProcessMemoryReader {
    /** PSS in bytes, empty when the process is gone or unreadable. */
    OptionalLong pssBytes(long pid);

    /** Reads /proc/PID/smaps_rollup (one pass over the mappings in the kernel; cheap next to smaps). */
    static ProcessMemoryReader procfs() {
        return procfs(Path.of("/proc"));
    }

    static ProcessMemoryReader procfs(Path procRoot) {
        return pid -> {
            Path f = procRoot.resolve(Long.toString(pid)).resolve("smaps_rollup");
            try {
                Map<String, Long> kv = rollup(Files.readString(f));
                Long kb = kv.get("Pss");
                return kb == null ? OptionalLong.empty() : OptionalLong.of(kb * 1024);
            } catch (NoSuchFileException e) {
                return OptionalLong.empty();
            } catch (IOException e) {
                return OptionalLong.empty(); // the process exited between listing and reading
            }
        };
    }

    /** "Pss:   1234 kB" lines to kB values. */
    static Map<String, Long> rollup(String text) {
        Map<String, Long> out = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.endsWith(" kB")) continue;
            try {
                out.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1, line.length() - 3).trim()));
            } catch (NumberFormatException ignored) {
                // header line of the rollup (address range) or an unexpected field
            }
        }
        return out;
    }
}
