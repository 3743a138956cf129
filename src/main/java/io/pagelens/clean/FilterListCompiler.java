package io.pagelens.clean;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time compiler of the vendored filter lists (run by {@code bin/vendor-clean-lists}): keeps the network rules
 * {@link NetworkFilter} supports and the generic element-hiding selectors that plain CSS can express, deduplicated,
 * gzipped into {@code NAME.rules.gz} and {@code NAME.css.gz}. The run time only loads these.
 * <pre>{@code java -cp target/classes io.pagelens.clean.FilterListCompiler OUT_DIR easylist=easylist.txt ...}</pre>
 */
public final class FilterListCompiler {
    /** Procedural and extended selectors (uBO/ABP) that are not CSS. */
    private static final List<String> NOT_CSS = List.of(":-abp-", ":has-text(", ":upward(", ":style(", ":remove(", ":xpath(",
            ":matches-css", ":matches-path(", ":min-text-length(", ":watch-attr(", ":others(", ":matches-attr(", ":if(", ":if-not(");

    private FilterListCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (int i = 1; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            List<String> lines = Files.readAllLines(Path.of(nv[1]), StandardCharsets.UTF_8);
            Set<String> rules = new LinkedHashSet<>();
            Set<String> selectors = new LinkedHashSet<>();
            for (String raw : lines) {
                String line = raw.strip();
                if (NetworkFilter.supported(line)) rules.add(line);
                else if (line.startsWith("##") && isCss(line.substring(2))) selectors.add(line.substring(2));
            }
            write(out.resolve(nv[0] + ".rules.gz"), rules);
            if (!selectors.isEmpty()) write(out.resolve(nv[0] + ".css.gz"), selectors);
            System.out.printf("%s: %d lines -> %d network rules, %d selectors%n", nv[0], lines.size(), rules.size(), selectors.size());
        }
    }

    static boolean isCss(String selector) {
        if (selector.isBlank() || selector.startsWith("+js(") || selector.startsWith("^")) return false;
        for (String s : NOT_CSS) if (selector.contains(s)) return false;
        return true;
    }

    private static void write(Path file, Set<String> lines) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
    }
}
