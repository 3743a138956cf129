package io.pagelens.content;

import io.pagelens.testing.Shared;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Empty, article-less, broken and huge pages give a result or a clear error. */
class BadInputTest {
    private static final URI PAGE = URI.create("http://127.0.0.1/page.html");
    private static final ContentOptions MAIN = new ContentOptions(true, List.of(), List.of(), MarkdownOptions.DEFAULTS);
    private final HtmlContentExtractor extractor = new HtmlContentExtractor();

    @Test
    void noMainContent_isNotReaderableButStillConverted() {
        String html = "<html><body><nav><a href=/a>A</a></nav><div>Just a short note.</div></body></html>";
        PageContent c = extractor.extract(html, PAGE, MAIN);
        assertThat(c.metadata().readerable()).isFalse();
        assertThat(c.markdown()).isEqualTo("Just a short note.");
        assertThat(c.links()).containsExactly(new Link("http://127.0.0.1/a", "A"));
    }

    @Test
    void invalidMarkup_isRepairedLikeABrowserWould() {
        String html = "<p>one<p>two <b>bold <i>both</b> italic</i><table><td>cell</table></div></span><li>stray";
        PageContent c = extractor.extract(html, PAGE, ContentOptions.DEFAULTS);
        assertThat(c.markdown()).contains("one\n\ntwo **bold _both_**").contains("cell").contains("stray");
        assertThat(c.text()).contains("one").contains("cell");
    }

    @Test
    void binaryGarbage_givesAResult() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) sb.append((char) ((i * 7919) % 0xD7FF));
        PageContent c = extractor.extract(sb.toString(), PAGE, MAIN);
        assertThat(c.metadata()).isNotNull();
    }

    @Test
    void hugeDocument_fiveMegabytes_inBoundedHeap() throws Exception {
        String article = Jsoup.parse(Files.readString(Shared.site().resolve("articles/wikipedia/index.html"))).body().html();
        StringBuilder sb = new StringBuilder(5_300_000).append("<html><head><title>Huge page</title></head><body>");
        while (sb.length() < 5_000_000) sb.append(article);
        String html = sb.append("</body></html>").toString();
        // peak memory is measured outside tests (it ran in -Xmx128m -XX:+UseSerialGC); here: a whole result
        PageContent c = extractor.extract(html, PAGE, MAIN);
        assertThat(c.metadata().title()).isEqualTo("Huge page");
        assertThat(c.markdown()).isNotEmpty();
        assertThat(c.links()).isNotEmpty();
    }

    @Test
    void overTheLimit_isAClearError() {
        HtmlContentExtractor small = new HtmlContentExtractor(1_000_000);
        assertThatThrownBy(() -> small.extract("<p>" + "x".repeat(1_000_000), PAGE, MAIN))
                .isInstanceOf(ContentTooLargeException.class)
                .hasMessage("html: 1000003 characters is over the 1000000-character limit of content extraction");
    }
}
