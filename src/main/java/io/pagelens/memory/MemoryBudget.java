package io.pagelens.memory;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How much memory the whole process tree (JVM + Chromium) may use.
 *
 * <p>The smallest of: the cgroup limit, {@code WEB_MEMORY} (MB) and {@code PAGELENS_MEMORY_MB}. When none is
 * known and {@code DYNO} is set (Heroku), {@value #DYNO_DEFAULT_MB} MB, the smallest dyno: a physical-memory guess
 * there would see the host's memory. When none is set elsewhere (a laptop, an unlimited container) the budget is a quarter of physical memory,
 * clamped to [{@value #DEFAULT_MIN_MB}, {@value #DEFAULT_MAX_MB}] MB: enough for a few concurrent
 * captures, and small enough that a developer machine keeps behaving like a dyno.
 *
 * @param bytes  the budget
 * @param source where it came from, for logs and /v1/status ("cgroup", "WEB_MEMORY", "PAGELENS_MEMORY_MB", "DYNO", "default")
 */
public record MemoryBudget(long bytes, String source) {
    public static final long MB = 1024L * 1024;
    static final long DEFAULT_MIN_MB = 512;
    static final long DEFAULT_MAX_MB = 2048;
    /** A Heroku dyno whose size nothing tells: the 512 MB of Basic and Standard-1X. */
    static final long DYNO_DEFAULT_MB = 512;
    /** Below this no headless Chromium fits next to a JVM; a smaller setting is an error. */
    static final long MIN_MB = 128;

    public MemoryBudget {
        if (bytes < MIN_MB * MB) throw new IllegalArgumentException("budget must be at least " + MIN_MB + " MB, was " + bytes / MB + " MB");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source must be named");
    }

    public static MemoryBudget ofMb(long mb, String source) {
        return new MemoryBudget(mb * MB, source);
    }

    public long mb() {
        return bytes / MB;
    }

    public static MemoryBudget resolve(Env env, CgroupMemory cgroup, long physicalBytes) {
        List<MemoryBudget> candidates = new ArrayList<>();
        OptionalLong limit = cgroup.limitBytes();
        if (limit.isPresent()) candidates.add(new MemoryBudget(Math.max(limit.getAsLong(), MIN_MB * MB), "cgroup"));
        for (String key : List.of("WEB_MEMORY", "PAGELENS_MEMORY_MB")) {
            env.string(key).ifPresent(v -> candidates.add(ofMb(parseMb(key, v), key)));
        }
        return candidates.stream().min(java.util.Comparator.comparingLong(MemoryBudget::bytes))
                .orElseGet(() -> env.string("DYNO").isPresent() ? ofMb(DYNO_DEFAULT_MB, "DYNO") : defaultFor(physicalBytes));
    }

    static MemoryBudget defaultFor(long physicalBytes) {
        long mb = Math.clamp(physicalBytes / 4 / MB, DEFAULT_MIN_MB, DEFAULT_MAX_MB);
        return ofMb(mb, "default");
    }

    private static long parseMb(String key, String v) {
        try {
            long mb = Long.parseLong(v);
            if (mb < MIN_MB) throw new ConfigException(key, v, "must be at least " + MIN_MB + " (MB)");
            return mb;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "must be a whole number of MB");
        }
    }

    /** The physical memory of the machine, from the OS MXBean. */
    public static long physicalBytes() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        return DEFAULT_MIN_MB * 4 * MB;
    }

    @Override
    public String toString() {
        return mb() + " MB (" + source + ")";
    }
}
