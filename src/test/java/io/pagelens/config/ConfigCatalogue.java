package io.pagelens.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables pagelens reads, found in its sources, and those docs/configuration.md documents, so
 * tests can compare them whoever added a variable. A variable counts as read where the code or a script names it:
 * <ul>
 *   <li>any {@code "PAGELENS_..."} string in {@code src/main/java};</li>
 *   <li>any upper-case string passed first to a method of something named {@code env} ({@code env.string("X")},
 *       {@code Env.system().integer("X", ...)}) or to {@code new ConfigException("X", ...)};</li>
 *   <li>the platform's own names ({@code PORT}, {@code DYNO}, {@code DATABASE_URL}, {@code CHROME_PATH}, {@code AWS_*}, ...)
 *       as strings in {@code src/main/java};</li>
 *   <li>{@code $PAGELENS_...} / {@code ${PAGELENS_...}} in the shell scripts that run pagelens (bin/, pagelens, run-tests,
 *       docker/, .ci/).</li>
 * </ul>
 * Documented means a table row of docs/configuration.md whose first cell holds the name in backticks.
 */
public final class ConfigCatalogue {
    static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern PAGELENS_LITERAL = Pattern.compile("\"(PAGELENS_[A-Z0-9_]+)\"");
    private static final Pattern ENV_CALL = Pattern.compile("\\b\\w*[eE]nv\\w*(?:\\(\\))?\\s*\\.\\s*\\w+\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern CONFIG_EXCEPTION = Pattern.compile("new ConfigException\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern PLATFORM = Pattern.compile("\"(PORT|DYNO|DATABASE_URL|REDIS_URL|CHROME_PATH|WEB_MEMORY|AWS_[A-Z0-9_]+)\"");
    private static final Pattern SHELL = Pattern.compile("\\$\\{?(PAGELENS_[A-Z0-9_]+)");
    private static final Pattern ROW_NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private ConfigCatalogue() {
    }

    /** Each variable read by src/main and the scripts, with the first place that reads it ("path:line"). */
    public static Map<String, String> read() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path f : files(Path.of("src/main/java"), ".java")) {
            scan(f, out, List.of(PAGELENS_LITERAL, ENV_CALL, CONFIG_EXCEPTION, PLATFORM));
        }
        for (Path f : scripts()) scan(f, out, List.of(SHELL));
        return out;
    }

    /** As {@link #read()}, plus what the tests and their scripts read (test-only variables are documented too). */
    public static Map<String, String> readIncludingTests() throws IOException {
        Map<String, String> out = read();
        for (Path f : files(Path.of("src/test/java"), ".java")) scan(f, out, List.of(PAGELENS_LITERAL, ENV_CALL, PLATFORM));
        return out;
    }

    /** Each variable with a row in docs/configuration.md, with that row's line number. */
    public static Map<String, Integer> documented() throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(DOC);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("|") || l.startsWith("|---")) continue;
            String[] cells = l.split("\\|", -1);
            if (cells.length < 3) continue;
            Matcher m = ROW_NAME.matcher(cells[1]);
            while (m.find()) out.putIfAbsent(m.group(1), i + 1);
        }
        return out;
    }

    private static void scan(Path f, Map<String, String> out, List<Pattern> patterns) throws IOException {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(lines.get(i));
                while (m.find()) out.putIfAbsent(m.group(1), f + ":" + (i + 1));
            }
        }
    }

    static List<Path> scripts() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String s : List.of("pagelens", "run-tests")) if (Files.isRegularFile(Path.of(s))) out.add(Path.of(s));
        for (String d : List.of("bin", "docker", ".ci")) {
            if (!Files.isDirectory(Path.of(d))) continue;
            try (Stream<Path> st = Files.list(Path.of(d))) {
                st.filter(Files::isRegularFile).filter(ConfigCatalogue::isShell).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean isShell(Path p) {
        try {
            String first = Files.readAllLines(p).stream().findFirst().orElse("");
            return p.toString().endsWith(".sh") || first.startsWith("#!") && first.contains("sh");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
