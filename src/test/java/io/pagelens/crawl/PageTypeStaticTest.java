package io.pagelens.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier on the labelled sites' static HTML (no browser: the files as served, placeholder substituted), with
 * link labels as a crawl from the home page meets them. A quick regression check; the accuracy that counts is measured
 * on pages rendered by Chromium ({@code PageTypeRenderedIT}).
 */
class PageTypeStaticTest {
    static final String ORIGIN = "http://127.0.0.1:8801";

    static Path siteFolder(String site) {
        return site.equals("northwind") ? CrawlSuites.northwind() : Path.of("src/test/resources/sites", site).toAbsolutePath();
    }

    static Path file(Path root, String path) {
        if (path.startsWith("/?p=")) return root.resolve("_wp/p-" + path.substring(4) + ".html"); // served by the site's routes.py
        if (path.endsWith("/")) return root.resolve(path.substring(1)).resolve("index.html");
        Path p = root.resolve(path.substring(1));
        return Files.isRegularFile(p) ? p : root.resolve(path.substring(1) + ".html");
    }

    static Document parse(Path root, String path) throws Exception {
        String html = Files.readString(file(root, path), StandardCharsets.UTF_8).replace("127.0.0.1:PORT", "127.0.0.1:8801");
        return Jsoup.parse(html, ORIGIN + path);
    }

    /** A page by path, or null when it is not one of the site's pages. */
    @FunctionalInterface
    interface Pages {
        Document get(String path) throws Exception;
    }

    /** The label of the first link to each page, breadth-first from the home page, as a crawl meets them. */
    static Map<String, String> linkLabels(String origin, Pages pages) throws Exception {
        Map<String, String> label = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(Set.of("/"));
        Deque<String> queue = new ArrayDeque<>(java.util.List.of("/"));
        while (!queue.isEmpty()) {
            Document d = pages.get(queue.poll());
            if (d == null) continue;
            for (FoundLink l : PageLinks.of(d).links()) {
                if (!l.url().startsWith(origin)) continue;
                String target = UrlNormalizer.DEFAULT.normalize(l.url()).orElse(l.url()).substring(origin.length());
                if (target.isEmpty()) target = "/";
                if (!label.containsKey(target) && !l.text().isEmpty()) label.put(target, l.text());
                if (seen.add(target)) queue.add(target);
            }
        }
        return label;
    }

    static ClassifierScore score(String site) throws Exception {
        Path root = siteFolder(site);
        SiteTruth truth = SiteTruth.of(root);
        Map<String, String> labels = linkLabels(ORIGIN, p -> truth.labels().containsKey(p) ? parse(root, p) : null);
        ClassifierScore score = new ClassifierScore(site);
        for (String path : truth.labels().keySet()) {
            PageClassification c = PageTypeClassifier.DEFAULT.classify(new PageEvidence(URI.create(ORIGIN + path), parse(root, path), labels.get(path)));
            score.add(path, truth, c);
        }
        return score;
    }

    @ParameterizedTest
    @ValueSource(strings = {"northwind", "alpenroester", "nubeclara", "sillon", "hearthloom"})
    void classify_staticPagesOfLabelledSites(String site) throws Exception {
        ClassifierScore s = score(site);
        System.out.print("static " + s.report());
        assertThat(s.accuracy()).as(s.report()).isGreaterThanOrEqualTo(0.95);
    }
}
