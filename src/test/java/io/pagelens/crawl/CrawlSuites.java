package io.pagelens.crawl;

import io.pagelens.testing.Shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The crawler test material in shared/corpus/suites and shared/corpus/sites. */
public final class CrawlSuites {
    private CrawlSuites() {
    }

    private static io.pagelens.egress.EgressGuard guard;

    /**
     * The crawler's fetcher as production builds it, on an egress guard that allows 127.0.0.1 only (tests talk to
     * loopback; 127.0.0.2 and every other address stay refused). One guard per test JVM.
     */
    static synchronized JdkCrawlFetcher fetcher() {
        if (guard == null) {
            guard = io.pagelens.egress.EgressGuard.start(io.pagelens.egress.EgressSettings.allowing("127.0.0.1"),
                    io.pagelens.egress.Resolver.system(), null);
        }
        return new JdkCrawlFetcher(guard, JdkCrawlFetcher.DEFAULT_USER_AGENT);
    }

    static Path crawlerCommons() {
        return Shared.corpus().resolve("suites/crawler-commons");
    }

    public static Path northwind() {
        return Shared.corpus().resolve("sites/sites/northwind");
    }

    static Path sitesServer() {
        return Shared.corpus().resolve("sites/serve.py");
    }

    /** The records of a crawler-commons CSV file: '#' comments and blank lines skipped, RFC 4180 quoting. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            rows.add(csvFields(line));
        }
        return rows;
    }

    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                f.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString().strip());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString().strip());
        return fields;
    }
}
