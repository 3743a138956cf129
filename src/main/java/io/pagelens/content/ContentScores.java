package io.pagelens.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.json.Jackson;
import io.pagelens.url.WptUrlSuite;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The content scores of issue 3 on the raw corpus files: turndown cases (exact match after trimming
 * trailing whitespace per line) and the Readability suite (mean token F1, metadata matches); and the URL intake
 * score of issue 10 on the WPT URL data ({@link WptUrlSuite}). Shared by {@code pagelens score},
 * {@code ContentScoresTest} and {@code WptUrlScoreTest}, so the numbers printed are the numbers asserted.
 */
public record ContentScores(TurndownSuite.Score turndown, ReadabilitySuite.Score readability, WptUrlSuite.Score urls) {
    public static final double TURNDOWN_TARGET_PERCENT = 90;
    public static final double F1_TARGET = 0.90;
    public static final double TITLE_TARGET_PERCENT = 95;
    /** WPT URL cases that must pass on every component: all the http(s) ones there are (442 of 442, 2026-12). */
    public static final int URL_TARGET_PASSED = 442;
    /** The origin the raw articles are taken to be served from, for resolving their relative URLs. */
    private static final URI ORIGIN = URI.create("http://127.0.0.1:8700/");

    /** @param shared the shared/ folder (holding corpus/) */
    public static ContentScores measure(Path shared) throws IOException {
        Path corpus = shared.resolve("corpus");
        if (!Files.isDirectory(corpus)) throw new IOException("no corpus/ under " + shared.toAbsolutePath());
        TurndownSuite.Score turndown = TurndownSuite.run(corpus.resolve("suites/turndown-cases.json"));
        ReadabilitySuite.Score readability;
        try {
            readability = ReadabilitySuite.run(corpus.resolve("suites/readability"), corpus.resolve("site"),
                    ReadabilitySuite.rawFiles(new HtmlContentExtractor(), ORIGIN));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new ContentScores(turndown, readability, WptUrlSuite.run(shared));
    }

    public boolean meetsTargets() {
        return turndown.percent() >= TURNDOWN_TARGET_PERCENT && readability.meanF1() >= F1_TARGET
                && readability.fields().get("title").percent() >= TITLE_TARGET_PERCENT
                && urls.allPassed() >= URL_TARGET_PASSED;
    }

    /** One JSON line per suite, then one line per failure. */
    public void print(PrintWriter out) {
        ObjectNode t = Jackson.MAPPER.createObjectNode().put("suite", "turndown").put("cases", turndown.cases())
                .put("passed", turndown.passed()).put("percent", round(turndown.percent()))
                .put("target", TURNDOWN_TARGET_PERCENT);
        out.println(t);
        ObjectNode r = Jackson.MAPPER.createObjectNode().put("suite", "readability").put("source", "raw-files")
                .put("articles", readability.articles().size()).put("meanF1", round(readability.meanF1()))
                .put("f1Target", F1_TARGET);
        for (Map.Entry<String, ReadabilitySuite.FieldScore> f : readability.fields().entrySet()) {
            r.putObject(f.getKey()).put("matched", f.getValue().matched()).put("cases", f.getValue().cases())
                    .put("percent", round(f.getValue().percent()));
        }
        out.println(r);
        out.println(Jackson.MAPPER.createObjectNode().put("suite", "wpt-url").put("scope", "http(s) inputs and relative inputs on an http(s) base")
                .put("cases", urls.cases()).put("expectFailure", urls.expectFailure())
                .put("hrefPassed", urls.hrefPassed()).put("hrefPercent", round(urls.hrefPercent()))
                .put("allComponentsPassed", urls.allPassed()).put("allPercent", round(urls.allPercent()))
                .put("rightlyRejected", urls.rejectedRight()).put("target", URL_TARGET_PASSED));
        for (TurndownSuite.Failure f : turndown.failures()) {
            out.println(Jackson.MAPPER.createObjectNode().put("failure", "turndown").put("case", f.name())
                    .put("expected", f.expected()).put("actual", f.actual()));
        }
        for (ReadabilitySuite.Article a : readability.articles()) {
            if (a.f1() >= F1_TARGET && a.mismatches().isEmpty()) continue;
            ObjectNode line = Jackson.MAPPER.createObjectNode().put("failure", "readability").put("article", a.name())
                    .put("f1", round(a.f1()));
            a.mismatches().forEach((k, v) -> line.put(k, v));
            out.println(line);
        }
        for (WptUrlSuite.Miss m : urls.misses()) {
            out.println(Jackson.MAPPER.createObjectNode().put("failure", "wpt-url").put("input", m.input()).put("base", m.base())
                    .put("expected", m.expected()).put("actual", m.actual()));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
