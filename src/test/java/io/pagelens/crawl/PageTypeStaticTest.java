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

    /** The link label each labelled page is first reached with, breadth-first from the home page. */
    static Map<String, String> linkLabels(Path root, SiteTruth truth) throws Exception {
        Map<String, String> label = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        seen.add("/");
        while (!queue.isEmpty()) {
            String p = queue.poll();
            if (!truth.labels().containsKey(p)) continue;
            for (FoundLink l : PageLinks.of(parse(root, p)).links()) {
                if (!l.url().startsWith(ORIGIN)) continue;
                String target = UrlNormalizer.DEFAULT.normalize(l.url()).orElse(l.url()).substring(ORIGIN.length());
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
        Map<String, String> labels = linkLabels(root, truth);
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
