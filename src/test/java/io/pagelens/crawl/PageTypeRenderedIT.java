package io.pagelens.crawl;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Engines;
import io.pagelens.capture.Format;
import io.pagelens.content.HtmlContentExtractor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page-type accuracy measured as the crawler will see pages: each labelled page of a site rendered by real Chromium
 * (the capture engine, formats html + links), the rendered DOM parsed with jsoup, link labels as a breadth-first
 * crawl from the home page meets them. Required: at least 95 % on every site (alternatives accepted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageTypeRenderedIT {
    CaptureEngine engine;

    @BeforeAll
    void start() {
        engine = Engines.engine(new HtmlContentExtractor());
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    /** The rendered DOM of one page. */
    Document render(String url) throws Exception {
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        ArtifactSink sink = (format, type) -> format == Format.HTML ? html : OutputStream.nullOutputStream();
        CaptureResult r = engine.capture(CaptureRequest.builder(url).formats(Set.of(Format.HTML, Format.LINKS)).build(), sink);
        return Jsoup.parse(html.toString(StandardCharsets.UTF_8), r.report().finalUrl().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"northwind", "alpenroester", "nubeclara", "sillon", "hearthloom"})
    void classify_renderedPagesOfLabelledSites(String site) throws Exception {
        String folder = site.equals("northwind") ? "northwind" : PageTypeStaticTest.siteFolder(site).toString();
        SiteTruth truth = SiteTruth.of(PageTypeStaticTest.siteFolder(site));
        try (SiteServer server = new SiteServer(folder)) {
            Map<String, Document> pages = new LinkedHashMap<>();
            for (String path : truth.labels().keySet()) pages.put(path, render(server.url(path)));
            Map<String, String> labels = linkLabels(server.origin(), pages);
            ClassifierScore score = new ClassifierScore(site);
            for (var e : pages.entrySet()) {
                score.add(e.getKey(), truth, PageTypeClassifier.DEFAULT.classify(
                        new PageEvidence(URI.create(server.url(e.getKey())), e.getValue(), labels.get(e.getKey()))));
            }
            System.out.print("rendered " + score.report());
            assertThat(score.accuracy()).as(score.report()).isGreaterThanOrEqualTo(0.95);
            if (site.equals("northwind")) {
                // the script-inserted link exists in the rendered DOM (the engine of the next round finds it)
                assertThat(PageLinks.of(pages.get("/")).links()).extracting(FoundLink::url).contains(server.url("/product/embedded"));
            }
        }
    }

    static Map<String, String> linkLabels(String origin, Map<String, Document> pages) throws Exception {
        return PageTypeStaticTest.linkLabels(origin, pages::get);
    }
}
