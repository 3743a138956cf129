package io.pagelens.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the memory cgroup of this process from /proc and /sys. The cgroup is found through
 * /proc/self/cgroup (its path inside the hierarchy) and /proc/self/mountinfo (where that hierarchy is
 * mounted, and from which root, so it also works inside containers that mount a sub-tree).
 * cgroup v1 (memory controller) is preferred when it is mounted, since on hybrid hosts v2 carries no
 * memory controller.
 */
public final class CgroupFiles implements CgroupMemory {
    /** v1 reports "no limit" as a page-rounded Long.MAX_VALUE; anything this large means unlimited. */
    private static final long UNLIMITED_THRESHOLD = 1L << 60;

    private final int version;
    private final Path dir;
    private final Path mountPoint;

    CgroupFiles(int version, Path dir, Path mountPoint) {
        this.version = version;
        this.dir = dir;
        this.mountPoint = mountPoint;
    }

    /** The cgroup of the running process, or {@link CgroupMemory#NONE}. */
    public static CgroupMemory detect() {
        return detect(Path.of("/proc/self"), Path.of("/"));
    }

    /**
     * @param procSelf a /proc/self folder (cgroup, mountinfo)
     * @param fsRoot   where absolute mount points are resolved ("/" for real, a temp folder in tests)
     */
    public static CgroupMemory detect(Path procSelf, Path fsRoot) {
        try {
            List<String> cgroups = Files.readAllLines(procSelf.resolve("cgroup"));
            List<String> mounts = Files.readAllLines(procSelf.resolve("mountinfo"));
            Optional<CgroupMemory> v1 = find(1, cgroups, mounts, fsRoot);
            if (v1.isPresent()) return v1.get();
            return find(2, cgroups, mounts, fsRoot).orElse(NONE);
        } catch (IOException e) {
            return NONE;
        }
    }

    private static Optional<CgroupMemory> find(int version, List<String> cgroups, List<String> mounts, Path fsRoot) {
        String inHierarchy = null;
        for (String line : cgroups) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            boolean match = version == 2 ? f[0].equals("0") && f[1].isEmpty() : List.of(f[1].split(",")).contains("memory");
            if (match) inHierarchy = f[2];
        }
        if (inHierarchy == null) return Optional.empty();
        for (String line : mounts) {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] pre = line.substring(0, dash).split(" ");
            String[] post = line.substring(dash + 3).split(" ");
            if (pre.length < 5 || post.length < 3) continue;
            boolean fsMatch = version == 2 ? post[0].equals("cgroup2")
                    : post[0].equals("cgroup") && List.of(post[2].split(",")).contains("memory");
            if (!fsMatch) continue;
            String root = unescape(pre[3]);
            Path mountPoint = fsRoot.resolve(unescape(pre[4]).substring(1));
            String relative = inHierarchy.startsWith(root) ? inHierarchy.substring(root.length()) : inHierarchy;
            Path dir = mountPoint.resolve(relative.replaceFirst("^/+", ""));
            // cgroup v2 without the memory controller (hybrid hosts) has no memory.stat: not usable
            if (Files.isReadable(dir.resolve("memory.stat"))) return Optional.of(new CgroupFiles(version, dir, mountPoint));
        }
        return Optional.empty();
    }

    /** mountinfo escapes spaces and the like as octal (\040). */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public int version() {
        return version;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public OptionalLong limitBytes() {
        long limit = Long.MAX_VALUE;
        if (version == 1) {
            limit = Math.min(readLong(dir.resolve("memory.limit_in_bytes")), limit);
            // the effective limit including every ancestor
            Long hierarchical = stat().get("hierarchical_memory_limit");
            if (hierarchical != null) limit = Math.min(limit, hierarchical);
        } else {
            for (Path p = dir; p != null && p.startsWith(mountPoint); p = p.getParent()) {
                Path max = p.resolve("memory.max");
                if (Files.isReadable(max)) limit = Math.min(limit, readLong(max));
                if (p.equals(mountPoint)) break;
            }
        }
        return limit >= UNLIMITED_THRESHOLD ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    @Override
    public long usedBytes() {
        Map<String, Long> st = stat();
        if (version == 1) {
            return st.getOrDefault("total_rss", st.getOrDefault("rss", 0L))
                    + st.getOrDefault("total_shmem", st.getOrDefault("shmem", 0L));
        }
        return st.getOrDefault("anon", 0L) + st.getOrDefault("shmem", 0L);
    }

    @Override
    public long oomKills() {
        Path f = dir.resolve(version == 1 ? "memory.oom_control" : "memory.events");
        return keyValues(f).getOrDefault("oom_kill", 0L);
    }

    @Override
    public String describe() {
        return "cgroup v" + version + " " + dir;
    }

    private Map<String, Long> stat() {
        return keyValues(dir.resolve("memory.stat"));
    }

    static Map<String, Long> keyValues(Path file) {
        Map<String, Long> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int sp = line.indexOf(' ');
                if (sp <= 0) continue;
                try {
                    out.put(line.substring(0, sp), Long.parseLong(line.substring(sp + 1).trim()));
                } catch (NumberFormatException ignored) {
                    // non-numeric lines carry nothing we use
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static long readLong(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.equals("max") ? Long.MAX_VALUE : Long.parseLong(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unexpected content in " + file, e);
        }
    }
}
