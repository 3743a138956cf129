package io.pagelens.browser;

import io.pagelens.cdp.CdpConnection;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One running Chromium and its CDP pipe. Launch and stop only: supervision (when to launch, recycle, retry)
 * is {@link BrowserSupervisor}'s job. The pipe goes through two FIFOs in a private temp folder, opened by
 * the shell as fds 3 and 4 before it execs Chromium, so no TCP port is opened and nothing else can attach.
 * Every live instance is killed with its whole process tree when the JVM exits.
 */
public final class ChromiumProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChromiumProcess.class);
    private static final Set<ChromiumProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final String DIR_PREFIX = "pagelens-chrome-";
    private static final String OWNER_FILE = "owner.pid";
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChromiumProcess::kill), "pagelens-chromium-reaper"));
    }

    private final Process process;
    private final Path tempDir;
    private final CdpConnection connection;
    private final String version;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChromiumProcess(Process process, Path tempDir, CdpConnection connection, String version) {
        this.process = process;
        this.tempDir = tempDir;
        this.connection = connection;
        this.version = version;
    }

    /** Starts Chromium and waits for its first CDP answer; on any failure nothing is left running. */
    public static ChromiumProcess launch(BrowserConfig config) throws IOException, InterruptedException {
        return launch(config, null);
    }

    /** As {@link #launch(BrowserConfig)}, with every request sent to the egress proxy {@code proxyServer} (null: none). */
    public static ChromiumProcess launch(BrowserConfig config, String proxyServer) throws IOException, InterruptedException {
        if (SWEPT.compareAndSet(false, true)) sweepStaleDirs();
        Path dir = Files.createTempDirectory(DIR_PREFIX,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Process process = null;
        CdpConnection connection = null;
        try {
            mkfifo(in);
            mkfifo(out);
            if (proxyServer != null) writeEgressPreferences(dir.resolve("profile"));
            List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c",
                    "in=$1; out=$2; shift 2; exec \"$@\" 3<\"$in\" 4>\"$out\"", "sh", in.toString(), out.toString()));
            argv.addAll(ChromiumFlags.build(config.binary(), dir.resolve("profile"), config.jsHeapMb(), proxyServer, config.extraArgs()));
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("chrome.log").toFile());
            process = pb.start();
            Process p = process;
            long deadline = System.nanoTime() + config.launchTimeout().toNanos();
            // Opening a FIFO blocks until the other side opens it; if the shell died first, that would be
            // forever, so open in another thread and give up (and unblock it) at the deadline.
            CompletableFuture<Streams> opened = CompletableFuture.supplyAsync(() -> openPipes(in, out),
                    r -> Thread.ofVirtual().start(r));
            Streams streams;
            try {
                streams = opened.get(config.launchTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                unblock(in, out);
                throw new IOException("Chromium did not open its DevTools pipe within " + config.launchTimeout().toMillis()
                        + " ms" + exitInfo(p, dir), e);
            }
            connection = new CdpConnection(streams.in(), streams.out(), "pid" + process.pid());
            long leftMs = Math.max(1000, (deadline - System.nanoTime()) / 1_000_000);
            Commands.Version v;
            try {
                v = connection.browser().send(Commands.getVersion(), Duration.ofMillis(leftMs));
            } catch (CdpException e) {
                throw new IOException("Chromium (" + config.binary() + ") did not answer on its DevTools pipe: "
                        + e.getMessage() + exitInfo(p, dir) + " (check CHROME_PATH and PAGELENS_CHROME_ARGS)", e);
            }
            ChromiumProcess cp = new ChromiumProcess(process, dir, connection, v.product());
            LIVE.add(cp);
            log.atInfo().addKeyValue("pid", process.pid()).addKeyValue("version", v.product()).addKeyValue("binary", config.binary().toString())
                    .log("chromium launched");
            return cp;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (connection != null) connection.close();
            if (process != null) ProcessTree.kill(process.toHandle(), 2000);
            deleteTree(dir);
            throw e;
        }
    }

    /**
     * Full Chromium dropped the --force-webrtc-ip-handling-policy switch (headless shell still has it), so the same
     * policy goes into the fresh profile's preferences, which the CDP browser contexts inherit: WebRTC may then use
     * proxied traffic only (TCP TURN through the egress proxy), never its own UDP. EgressGuardIT checks both binaries.
     */
    private static void writeEgressPreferences(Path profile) throws IOException {
        Path prefs = profile.resolve("Default").resolve("Preferences");
        Files.createDirectories(prefs.getParent());
        Files.writeString(prefs, "{\"webrtc\":{\"ip_handling_policy\":\"disable_non_proxied_udp\"}}");
    }

    private record Streams(InputStream in, OutputStream out) {
    }

    private static Streams openPipes(Path in, Path out) {
        try {
            OutputStream toChrome = new FileOutputStream(in.toFile()); // first: the shell opens fd 3 first
            InputStream fromChrome = new FileInputStream(out.toFile());
            return new Streams(fromChrome, toChrome);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens the far ends of both FIFOs briefly so a thread blocked opening them returns. */
    private static void unblock(Path in, Path out) {
        Thread.ofVirtual().start(() -> {
            try (InputStream ignored = new FileInputStream(in.toFile())) {
                // releases a writer blocked in open()
            } catch (IOException ignored) {
                // nothing blocked
            }
        });
        Thread.ofVirtual().start(() -> {
            try (OutputStream ignored = new FileOutputStream(out.toFile())) {
                // releases a reader blocked in open()
            } catch (IOException ignored) {
                // nothing blocked
            }
        });
    }

    private static String exitInfo(Process p, Path dir) {
        StringBuilder sb = new StringBuilder();
        if (!p.isAlive()) sb.append("; it exited with status ").append(p.exitValue());
        try {
            Path logFile = dir.resolve("chrome.log");
            if (Files.exists(logFile)) {
                List<String> lines = Files.readAllLines(logFile);
                List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
                if (!tail.isEmpty()) sb.append("; its last output: ").append(String.join(" | ", tail));
            }
        } catch (IOException | RuntimeException ignored) {
            // no log to quote
        }
        return sb.toString();
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", "-m", "600", p.toString()).redirectErrorStream(true).start();
        String output = new String(mk.getInputStream().readAllBytes());
        if (mk.waitFor() != 0) throw new IOException("mkfifo " + p + " failed: " + output.trim());
    }

    public CdpConnection connection() {
        return connection;
    }

    public long pid() {
        return process.pid();
    }

    public String version() {
        return version;
    }

    public boolean isAlive() {
        return process.isAlive() && connection.isOpen();
    }

    /** The browser and every process it started (zygotes, renderers, GPU, utilities). */
    public List<Long> processIds() {
        return ProcessTree.of(process.toHandle()).stream().map(ProcessHandle::pid).toList();
    }

    /** The process tree's proportional memory, in bytes. */
    public long pssBytes() {
        return ProcessTree.pssBytes(processIds());
    }

    /**
     * Stops Chromium: kills the whole process tree (a snapshot taken first, so re-parented children are not
     * missed), then removes the temp folder (profile and FIFOs). No polite Browser.close first: the profile is
     * thrown away anyway and a hung browser would not answer. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        kill();
        LIVE.remove(this);
        log.atInfo().addKeyValue("pid", process.pid()).log("chromium stopped");
    }

    private void kill() {
        ProcessTree.kill(process.toHandle(), 3000);
        connection.close();
        deleteTree(tempDir);
    }

    /**
     * Removes temp folders left by JVMs that were killed outright (SIGKILL runs no shutdown hook; Chromium itself
     * exits when its pipe closes, but its profile stays). A folder is stale when the JVM that made it is gone.
     */
    static void sweepStaleDirs() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX) && Files.isDirectory(d))
                    .filter(ChromiumProcess::ownerGone)
                    .forEach(d -> {
                        log.atInfo().addKeyValue("dir", d.toString()).log("chromium stale dir removed");
                        deleteTree(d);
                    });
        } catch (IOException | RuntimeException e) {
            log.atDebug().addKeyValue("error", e.toString()).log("chromium sweep failed");
        }
    }

    private static boolean ownerGone(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false; // not ours to judge (being created, or made by something else)
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a file Chromium still writes will go with the next sweep
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
