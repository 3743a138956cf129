package io.pagelens.content;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Scores main-content extraction and metadata on Mozilla Readability's test pages
 * ({@code corpus/suites/readability/NAME/}): token F1 of the extracted text against the text of
 * {@code expected.html}, and exact matches of each field of {@code expected-metadata.json} that has a
 * value. The HTML comes from a function, so the same scoring runs on raw files and on pages rendered by
 * Chromium.
 */
public final class ReadabilitySuite {
    /** Metadata fields scored, as named in expected-metadata.json. */
    public static final List<String> FIELDS = List.of("title", "byline", "excerpt", "siteName", "publishedTime",
            "lang", "dir", "readerable");

    /** One article's result: its F1 and the metadata fields that differ (field -> expected | actual). */
    public record Article(String name, double f1, Map<String, String> mismatches) {
    }

    /** Matches and cases for one metadata field (cases: articles where the field is expected). */
    public record FieldScore(int matched, int cases) {
        public double percent() {
            return cases == 0 ? 100 : 100.0 * matched / cases;
        }
    }

    public record Score(List<Article> articles, Map<String, FieldScore> fields) {
        public double meanF1() {
            return articles.stream().mapToDouble(Article::f1).average().orElse(0);
        }
    }

    private ReadabilitySuite() {
    }

    /** The article names of the suite (folder names), sorted. */
    public static List<String> names(Path suite) throws IOException {
        try (Stream<Path> dirs = Files.list(suite)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected-metadata.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Scores every article. {@code content} gets the article name and the raw HTML file of the corpus
     * site and returns what the extractor made of it.
     */
    public static Score run(Path suite, Path site, BiFunction<String, Path, PageContent> content) throws IOException {
        List<Article> articles = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, new int[2]));
        for (String name : names(suite)) {
            Path dir = suite.resolve(name);
            String expectedHtml = Files.readString(dir.resolve("expected.html"), StandardCharsets.UTF_8);
            String expectedText = Jsoup.parse(expectedHtml).text();
            JsonNode expected = Jackson.MAPPER.readTree(dir.resolve("expected-metadata.json").toFile());
            PageContent got = content.apply(name, site.resolve("articles").resolve(name).resolve("index.html"));
            Map<String, String> mismatches = new LinkedHashMap<>();
            for (String field : FIELDS) {
                JsonNode want = expected.path(field);
                if (want.isMissingNode() || want.isNull()) continue;
                String wanted = want.asText();
                String actual = field(got.metadata(), field);
                int[] c = counts.get(field);
                c[1]++;
                if (Text.fold(wanted).equals(actual == null ? null : Text.fold(actual))) {
                    c[0]++;
                } else {
                    mismatches.put(field, wanted + " | " + actual);
                }
            }
            articles.add(new Article(name, TokenF1.score(got.text(), expectedText), mismatches));
        }
        Map<String, FieldScore> fields = new LinkedHashMap<>();
        counts.forEach((f, c) -> fields.put(f, new FieldScore(c[0], c[1])));
        return new Score(articles, fields);
    }

    /** Extracts main content from the raw corpus file, served at {@code origin/articles/NAME/}. */
    public static BiFunction<String, Path, PageContent> rawFiles(ContentExtractor extractor, URI origin) {
        ContentOptions main = new ContentOptions(true, List.of(), List.of(), MarkdownOptions.DEFAULTS);
        return (name, file) -> {
            try {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                return extractor.extract(html, origin.resolve("/articles/" + name + "/"), main);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static String field(PageMetadata m, String field) {
        return switch (field) {
            case "title" -> m.title();
            case "byline" -> m.byline();
            case "excerpt" -> m.excerpt();
            case "siteName" -> m.siteName();
            case "publishedTime" -> m.publishedTime();
            case "lang" -> m.lang();
            case "dir" -> m.dir();
            case "readerable" -> String.valueOf(m.readerable());
            default -> throw new IllegalArgumentException("field: unknown metadata field " + Objects.requireNonNull(field));
        };
    }
}
