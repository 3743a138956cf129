package io.pagelens.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadabilityTest {
    private static final String PARAGRAPH = "<p>Readability scores paragraphs by their length, their commas, and the class names"
            + " of their ancestors, then keeps the best scoring container and its related siblings, which is why this"
            + " sentence is long, has commas, and sits in an article.</p>";

    private static Readability.Result parse(String body, String title, boolean metadataHasByline) {
        Document doc = Jsoup.parse("<html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
        return Readability.parse(doc, title, metadataHasByline);
    }

    @Test
    void keepsTheArticleAndDropsNavigationSidebarAndComments() {
        Readability.Result r = parse("<div class=menu><a href=/>Home</a> <a href=/x>Other</a></div>"
                + "<div class=article-body>" + PARAGRAPH.repeat(4) + "</div>"
                + "<div class=sidebar><p>Related: many links to other things entirely, with commas, and more.</p></div>"
                + "<div id=comments><p>First comment, which is not part of the article, at all, really.</p></div>", "T", false);
        String text = r.content().text();
        assertThat(text).contains("Readability scores paragraphs").doesNotContain("Home").doesNotContain("Related")
                .doesNotContain("First comment");
    }

    @Test
    void bylineComesFromTheItempropNameInsideTheAuthorElement() {
        Readability.Result r = parse("<div class=byline>By <span itemprop=name>Ada Lovelace</span></div><article>"
                + PARAGRAPH.repeat(4) + "</article>", "T", false);
        assertThat(r.byline()).isEqualTo("Ada Lovelace");
        assertThat(r.content().text()).doesNotContain("Ada Lovelace");
    }

    @Test
    void noBylineHuntWhenTheMetadataHasOne() {
        Readability.Result r = parse("<div class=author>Someone Else</div><article>" + PARAGRAPH.repeat(4) + "</article>", "T", true);
        assertThat(r.byline()).isNull();
    }

    @Test
    void headingThatRepeatsTheTitleIsRemoved() {
        Readability.Result r = parse("<article><h1>A very particular article title</h1>" + PARAGRAPH.repeat(4) + "</article>",
                "A very particular article title", false);
        assertThat(r.content().text()).doesNotContain("particular article title");
    }

    @Test
    void dataTablesSurviveCleaning() {
        StringBuilder rows = new StringBuilder("<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody>");
        for (int i = 0; i < 12; i++) rows.append("<tr><td>key").append(i).append("</td><td>").append(i).append("</td></tr>");
        rows.append("</tbody></table>");
        Readability.Result r = parse("<article>" + PARAGRAPH.repeat(3) + rows + PARAGRAPH + "</article>", "T", false);
        assertThat(r.content().select("table")).hasSize(1);
        assertThat(r.content().text()).contains("key11");
    }

    @Test
    void shortPage_retriesAndStillReturnsItsText() {
        Readability.Result r = parse("<div class=comment><p>Only a short note here.</p></div>", "T", false);
        assertThat(r.content().text()).contains("Only a short note here.");
    }

    @Test
    void emptyPage_hasNoArticle() {
        assertThat(parse("", "T", false)).isNull();
    }

    @Test
    void textDirectionComesFromTheArticleAncestors() {
        Readability.Result r = parse("<div dir=rtl><article>" + PARAGRAPH.repeat(4) + "</article></div>", "T", false);
        assertThat(r.dir()).isEqualTo("rtl");
    }
}
