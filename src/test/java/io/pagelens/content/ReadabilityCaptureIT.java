package io.pagelens.content;

import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Engines;
import io.pagelens.capture.Format;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.Shared;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Readability suite through real Chromium: each article is served by the corpus server, captured by
 * the engine (one navigation, text and metadata formats, main content only) and scored on what the
 * engine's extractor made of the rendered DOM.
 */
class ReadabilityCaptureIT {
    private static final ContentOptions MAIN = new ContentOptions(true, List.of(), List.of(), MarkdownOptions.DEFAULTS);

    /** Passes through to the real extractor and keeps the last result, so the test sees what the engine saw. */
    private static final class Recording implements ContentExtractor {
        private final ContentExtractor delegate = new HtmlContentExtractor();
        final AtomicReference<PageContent> last = new AtomicReference<>();

        @Override
        public PageContent extract(String html, URI pageUrl, ContentOptions options) {
            PageContent c = delegate.extract(html, pageUrl, options);
            last.set(c);
            return c;
        }
    }

    @Test
    void readabilitySuite_onRenderedPages_meetsTargets() throws Exception {
        Recording recording = new Recording();
        try (CorpusServer server = new CorpusServer(); CaptureEngine engine = Engines.engine(recording)) {
            ReadabilitySuite.Score score = ReadabilitySuite.run(Shared.corpus().resolve("suites/readability"), Shared.site(),
                    (name, file) -> capture(engine, recording, server.url("articles/" + name + "/")));
            PrintWriter out = new PrintWriter(System.out, true);
            out.printf("{\"suite\":\"readability\",\"source\":\"chromium\",\"articles\":%d,\"meanF1\":%.4f", score.articles().size(), score.meanF1());
            for (Map.Entry<String, ReadabilitySuite.FieldScore> f : score.fields().entrySet()) {
                out.printf(",\"%s\":%.1f", f.getKey(), f.getValue().percent());
            }
            out.println("}");
            for (ReadabilitySuite.Article a : score.articles()) {
                if (a.f1() < ContentScores.F1_TARGET || !a.mismatches().isEmpty()) out.printf("  %-28s %.3f %s%n", a.name(), a.f1(), a.mismatches());
            }
            assertThat(score.articles()).hasSizeGreaterThanOrEqualTo(50);
            assertThat(score.meanF1()).isGreaterThanOrEqualTo(ContentScores.F1_TARGET);
            assertThat(score.fields().get("title").percent()).isGreaterThanOrEqualTo(ContentScores.TITLE_TARGET_PERCENT);
        }
    }

    private static PageContent capture(CaptureEngine engine, Recording recording, String url) {
        recording.last.set(null);
        CaptureRequest request = CaptureRequest.builder(url).formats(Set.of(Format.TEXT, Format.METADATA)).content(MAIN).build();
        try {
            engine.capture(request, (format, type) -> OutputStream.nullOutputStream());
        } catch (CaptureException e) {
            throw new IllegalStateException("capture of " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return recording.last.get();
    }
}
