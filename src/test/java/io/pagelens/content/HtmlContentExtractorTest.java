package io.pagelens.content;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlContentExtractorTest {
    private static final URI PAGE = URI.create("https://example.com/blog/post.html");
    private static final String PAGE_HTML = """
            <!doctype html><html lang="en" dir="ltr"><head>
            <title>Hello world - Example Blog</title>
            <meta name="description" content="A short post.">
            <meta property="og:site_name" content="Example Blog">
            <meta property="og:image" content="/img/cover.png">
            <meta property="article:published_time" content="2024-01-02T03:04:05Z">
            <link rel="canonical" href="/blog/post">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",
              "headline":"Hello world","author":{"name":"Ada Lovelace"}}</script>
            </head><body>
            <nav><a href="/">Home</a> <a href="/about">About</a></nav>
            <article><h1>Hello world</h1>
            <p>First paragraph with a <a href="../docs/x.html">relative link</a> and <img src="pic.png" alt="pic">.</p>
            <p>Second paragraph, <strong>bold</strong> and <em>em</em>.</p>
            </article>
            <footer>Copyright <a href="/about">about us</a></footer>
            </body></html>""";

    private final HtmlContentExtractor extractor = new HtmlContentExtractor();

    @Test
    void extract_readsMetadataFromHeadAndJsonLd() {
        PageMetadata m = extractor.extract(PAGE_HTML, PAGE, ContentOptions.DEFAULTS).metadata();
        assertThat(m.title()).isEqualTo("Hello world");
        assertThat(m.byline()).isEqualTo("Ada Lovelace");
        assertThat(m.description()).isEqualTo("A short post.");
        assertThat(m.excerpt()).isEqualTo("A short post.");
        assertThat(m.siteName()).isEqualTo("Example Blog");
        assertThat(m.publishedTime()).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(m.lang()).isEqualTo("en");
        assertThat(m.dir()).isEqualTo("ltr");
        assertThat(m.canonical()).isEqualTo("https://example.com/blog/post");
        assertThat(m.openGraph()).containsEntry("og:image", "/img/cover.png").containsKey("article:published_time");
        assertThat(m.jsonLd()).singleElement().asString().contains("BlogPosting");
    }

    @Test
    void extract_linksAreAbsoluteDeduplicatedWithText() {
        List<Link> links = extractor.extract(PAGE_HTML, PAGE, ContentOptions.DEFAULTS).links();
        assertThat(links).containsExactly(
                new Link("https://example.com/", "Home"),
                new Link("https://example.com/about", "About"),
                new Link("https://example.com/docs/x.html", "relative link"));
    }

    @Test
    void extract_markdownResolvesRelativeUrls() {
        String md = extractor.extract(PAGE_HTML, PAGE, ContentOptions.DEFAULTS).markdown();
        assertThat(md).contains("# Hello world")
                .contains("[relative link](https://example.com/docs/x.html)")
                .contains("![pic](https://example.com/blog/pic.png)")
                .contains("**bold** and _em_")
                .contains("[Home](https://example.com/)");
    }

    @Test
    void extract_onlyMainContentDropsNavAndFooter() {
        var options = new ContentOptions(true, List.of(), List.of(), MarkdownOptions.DEFAULTS);
        PageContent c = extractor.extract(PAGE_HTML, PAGE, options);
        assertThat(c.markdown()).contains("First paragraph").doesNotContain("Home").doesNotContain("Copyright")
                .contains("[relative link](https://example.com/docs/x.html)")
                .contains("![pic](https://example.com/blog/pic.png)");
        assertThat(c.text()).contains("Second paragraph, bold and em.").doesNotContain("Copyright");
        assertThat(c.links()).hasSize(3);
    }

    @Test
    void extract_includeAndExcludeTags() {
        var include = new ContentOptions(false, List.of("footer", "nav"), List.of(), MarkdownOptions.DEFAULTS);
        assertThat(extractor.extract(PAGE_HTML, PAGE, include).text()).isEqualTo("Home About\n\nCopyright about us");
        var exclude = new ContentOptions(false, List.of(), List.of("nav", "footer", "img"), MarkdownOptions.DEFAULTS);
        String md = extractor.extract(PAGE_HTML, PAGE, exclude).markdown();
        assertThat(md).startsWith("# Hello world").doesNotContain("Copyright").doesNotContain("pic.png");
    }

    @Test
    void extract_badSelectorNamesTheOption() {
        var bad = new ContentOptions(false, List.of(), List.of("div[["), MarkdownOptions.DEFAULTS);
        assertThatThrownBy(() -> extractor.extract(PAGE_HTML, PAGE, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("excludeTags: 'div[['");
    }

    @Test
    void extract_emptyPageGivesEmptyResult() {
        PageContent c = extractor.extract("", PAGE, ContentOptions.DEFAULTS);
        assertThat(c.markdown()).isEmpty();
        assertThat(c.text()).isEmpty();
        assertThat(c.links()).isEmpty();
        assertThat(c.metadata().title()).isNull();
        assertThat(c.metadata().readerable()).isFalse();
        var main = new ContentOptions(true, List.of(), List.of(), MarkdownOptions.DEFAULTS);
        assertThat(extractor.extract("<html><body></body></html>", null, main).markdown()).isEmpty();
    }

    @Test
    void extract_tooLargeIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> new HtmlContentExtractor(100).extract("x".repeat(101), PAGE, ContentOptions.DEFAULTS))
                .isInstanceOf(ContentTooLargeException.class).hasMessageContaining("101 characters");
    }
}
