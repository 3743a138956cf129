package io.pagelens.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A release of pagelens as a machine that only runs it would have: {@code pagelens.jar} (from target/classes, with
 * the manifest {@code mvn package} writes), {@code lib/} (the runtime jars Maven lists in target/runtime-classpath.txt)
 * and the launcher scripts; a JRE jlinked from the test's JDK without the JDK's tools (no javac); and a PATH holding
 * only that JRE and the few system tools the launcher uses, so mvn, javac and apt-get cannot be found.
 */
public final class ReleaseFixture {
    /** The JDK's tool modules, which Temurin's JRE leaves out too (shared with bench/image-check). */
    static final Path NOT_IN_JRE = Path.of("docker/jdk-tool-modules.txt");
    /** What bin/pagelens, bin/jvm-flags.sh and bin/aot-lib.sh call besides bash builtins, and mkfifo (ChromiumProcess). */
    static final List<String> TOOLS = List.of("bash", "sh", "sed", "cat", "date", "tr", "readlink", "dirname", "stat", "find", "mkfifo");

    private ReleaseFixture() {
    }

    /** Lays out a release in {@code dir} (pagelens.jar, lib/, bin/) and returns dir. */
    public static Path release(Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        for (String jar : Files.readString(Path.of("target/runtime-classpath.txt")).trim().split(":")) {
            Path src = Path.of(jar);
            Files.copy(src, lib.resolve(src.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            classPath.add("lib/" + src.getFileName());
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.pagelens.cli.Main");
        mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Path classes = Path.of("target/classes");
        try (OutputStream out = Files.newOutputStream(dir.resolve("pagelens.jar")); JarOutputStream jar = new JarOutputStream(out, mf);
             Stream<Path> files = Files.walk(classes)) {
            // directory entries too, as the jar plugin writes them: Flyway finds db/migration/* through them
            for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                boolean isDir = Files.isDirectory(f);
                jar.putNextEntry(new JarEntry(isDir ? name + "/" : name));
                if (!isDir) Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String s : List.of("pagelens", "jvm-flags.sh", "aot-lib.sh")) {
            Files.copy(Path.of("bin", s), bin.resolve(s), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir;
    }

    /** A JRE of this JDK without its tools, made once into target/ and reused (jlink takes tens of seconds). */
    public static synchronized Path jre() throws IOException, InterruptedException {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path out = Path.of("target", "test-jre-" + System.getProperty("java.runtime.version")).toAbsolutePath();
        if (Files.isExecutable(out.resolve("bin/java"))) return out;
        Process list = new ProcessBuilder(jdk.resolve("bin/java").toString(), "--list-modules").redirectErrorStream(true).start();
        Set<String> tools = Set.copyOf(Files.readAllLines(NOT_IN_JRE).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        List<String> modules = new String(list.getInputStream().readAllBytes()).lines().map(l -> l.split("@")[0])
                .filter(m -> !m.isBlank() && !tools.contains(m)).toList();
        list.waitFor();
        Path tmp = Path.of(out + ".tmp");
        deleteTree(tmp);
        Process jlink = new ProcessBuilder(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", modules), "--strip-debug",
                "--no-header-files", "--no-man-pages", "--output", tmp.toString()).inheritIO().start();
        if (jlink.waitFor() != 0) throw new IOException("jlink failed");
        if (Files.exists(tmp.resolve("bin/javac"))) throw new IllegalStateException("the test JRE has javac: " + NOT_IN_JRE + " is out of date");
        Files.move(tmp, out);
        return out;
    }

    /** A folder of symlinks to the system tools the launcher needs, and nothing else (no mvn, javac, apt-get, java). */
    public static Path tools(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String t : TOOLS) {
            for (String d : List.of("/usr/bin", "/bin", "/usr/sbin")) {
                Path p = Path.of(d, t);
                if (Files.isExecutable(p)) {
                    Files.createSymbolicLink(dir.resolve(t), p);
                    break;
                }
            }
        }
        return dir;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
