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

    /** docs/grafana-dashboard.json imports (one object, Prometheus input) and queries only documented metrics. */
    @Test
    void grafanaDashboard_queriesOnlyDocumentedMetrics() throws Exception {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        var dash = io.pagelens.json.Jackson.STRICT.readTree(Files.readString(Path.of("docs/grafana-dashboard.json")));
        assertThat(dash.path("__inputs").path(0).path("pluginId").asText()).isEqualTo("prometheus");
        assertThat(dash.path("panels").size()).isGreaterThanOrEqualTo(8);
        Pattern metric = Pattern.compile("\\b((?:pagelens|http_server)_[a-z0-9_]+?)(?:_bucket|_count|_sum)?\\{");
        List<String> undocumented = new ArrayList<>();
        for (var panel : dash.path("panels")) {
            for (var t : panel.path("targets")) {
                Matcher m = metric.matcher(t.path("expr").asText());
                int found = 0;
                while (m.find()) {
                    found++;
                    if (!doc.contains("`" + m.group(1) + "`")) undocumented.add(panel.path("title").asText() + ": " + m.group(1));
                }
                assertThat(found).as("panel %s queries a pagelens metric", panel.path("title").asText()).isPositive();
            }
        }
        assertThat(undocumented).isEmpty();
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
