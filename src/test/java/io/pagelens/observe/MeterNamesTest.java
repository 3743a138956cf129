package io.pagelens.observe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every meter is named in {@link MeterNames} and nowhere else, and each is documented in docs/metrics.md. The scan
 * is over the sources, so a meter added by any feature is checked without this test knowing it.
 */
class MeterNamesTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Path SELF = MAIN.resolve("io/pagelens/observe/MeterNames.java");
    /** A meter registered with a literal name, or a name built by concatenation. */
    static final Pattern LITERAL_REGISTRATION = Pattern.compile(
            "(?:(?:Counter|Gauge|Timer|DistributionSummary|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)\\.builder"
                    + "|\\.(?:counter|timer|gauge|summary|longTaskTimer|gaugeCollectionSize|gaugeMapSize))\\(\\s*\"");
    static final Pattern CONCATENATED = Pattern.compile("MeterNames\\.[A-Z_]+\\s*\\+\\s*\"");
    /** A string that looks like a meter name (not a file name). */
    static final Pattern NAME_LIKE = Pattern.compile("\"((?:pagelens|http|jvm|process|system)\\.[a-z0-9_.]+)\"");
    static final Pattern FILE_NAME = Pattern.compile(".*\\.(db|aot|jar|json|properties|html|md|txt|xml|log|pid)$");

    @Test
    void noMeterIsNamedOutsideMeterNames() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path f : sources()) {
            if (f.equals(SELF)) continue;
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                String where = f + ":" + (i + 1) + ": " + l.trim();
                if (LITERAL_REGISTRATION.matcher(l).find()) offences.add(where + "  (literal meter name: add a MeterNames constant)");
                if (CONCATENATED.matcher(l).find()) offences.add(where + "  (name built by concatenation: add a MeterNames constant)");
                Matcher m = NAME_LIKE.matcher(l);
                while (m.find()) {
                    if (!FILE_NAME.matcher(m.group(1)).matches()) offences.add(where + "  (\"" + m.group(1) + "\" looks like a meter name)");
                }
            }
        }
        assertThat(offences).as("meter names outside MeterNames").isEmpty();
    }

    @Test
    void everyNameIsUsed_andDocumentedInDocsMetrics() throws Exception {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        StringBuilder all = new StringBuilder();
        for (Path f : sources()) if (!f.equals(SELF)) all.append(Files.readString(f));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : names().entrySet()) {
            if (!all.toString().matches("(?s).*\\bMeterNames\\." + e.getKey() + "\\b.*")) {
                problems.add("MeterNames." + e.getKey() + " is registered nowhere in src/main (remove it or use it)");
            }
            String prom = e.getValue().replace('.', '_');
            if (!Pattern.compile("`" + Pattern.quote(prom) + "(_total|_seconds|_bytes)?`").matcher(doc).find()) {
                problems.add(e.getValue() + " (MeterNames." + e.getKey() + ") has no row in docs/metrics.md: add `" + prom + "...`");
            }
        }
        assertThat(problems).isEmpty();
    }

    static Map<String, String> names() throws IllegalAccessException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : MeterNames.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) out.put(f.getName(), (String) f.get(null));
        }
        return out;
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
