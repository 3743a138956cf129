package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTypeClassifierTest {
    static PageClassification classify(String url, String html, String linkText) {
        return PageTypeClassifier.DEFAULT.classify(new PageEvidence(URI.create(url), Jsoup.parse(html, url), linkText));
    }

    static PageClassification classify(String url, String html) {
        return classify(url, html, null);
    }

    /** URLs alone, with a page that says nothing: the four languages' slugs. */
    @ParameterizedTest
    @CsvSource({
            "https://x.example/preise, pricing", "https://x.example/tarifs, pricing", "https://x.example/precios, pricing",
            "https://x.example/pricing, pricing", "https://x.example/impressum, legal", "https://x.example/mentions-legales, legal",
            "https://x.example/aviso-legal, legal", "https://x.example/datenschutz, legal", "https://x.example/politica-de-privacidad, legal",
            "https://x.example/de/ueber-uns, about", "https://x.example/fr/qui-sommes-nous, about", "https://x.example/es/sobre-nosotros, about",
            "https://x.example/karriere, careers", "https://x.example/empleo, careers", "https://x.example/emplois, careers",
            "https://x.example/kontakt, contact", "https://x.example/contacto, contact", "https://x.example/fr/, home",
            "https://x.example/blog/, blog_index", "https://x.example/blog/page/4, blog_index", "https://x.example/blog/tag/java, category",
            "https://x.example/blog/some-post, article", "https://x.example/docs/install, docs", "https://x.example/hilfe/versand, docs",
            "https://x.example/warenkorb, other", "https://x.example/login, other"})
    void classify_urlVocabularyInFourLanguages(String url, String type) {
        assertThat(classify(url, "<html><body><main><p>…</p></main></body></html>").type().id()).isEqualTo(type);
    }

    @Test
    void classify_opaqueUrlFromContent() {
        String product = """
                <html lang="de"><head><title>Espresso Bärgmatt</title></head><body><main>
                <h1>Espresso Bärgmatt</h1><p class="price">CHF 18.90</p>
                <form><button type="submit">In den Warenkorb</button></form><p>Dunkle Röstung.</p></main></body></html>""";
        PageClassification c = classify("https://shop.example/p/8812", product);
        assertThat(c.type()).isEqualTo(PageType.PRODUCT);
        assertThat(c.signals()).anyMatch(s -> s.startsWith("price and a buy or book button"));
        assertThat(c.confidence()).isBetween(0.5, 1.0);

        String legal = """
                <html><head><title>Impressum – Shop</title></head><body><main><h1>Impressum</h1>
                <p>Verantwortlich: Shop GmbH, Handelsregister CHE-1, MWST-Nummer. Haftung: keine Gewähr.</p></main></body></html>""";
        assertThat(classify("https://shop.example/i/17", legal, "Impressum").type()).isEqualTo(PageType.LEGAL);

        String article = """
                <html lang="es"><head><meta property="og:type" content="article"></head><body><main>
                <h1>Cómo cobrar antes</h1><p>Por Javier Peña · <time datetime="2025-04-30">30 de abril</time></p><p>Texto.</p></main></body></html>""";
        assertThat(classify("https://saas.example/node/118", article).type()).isEqualTo(PageType.ARTICLE);
    }

    @Test
    void classify_jsonLdDecides() {
        assertThat(classify("https://x.example/a/b", "<script type=application/ld+json>{\"@type\":\"JobPosting\",\"title\":\"Dev\"}</script>").type())
                .isEqualTo(PageType.CAREERS);
        assertThat(classify("https://x.example/a/b", "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"ContactPage\"}]}</script>").type())
                .isEqualTo(PageType.CONTACT);
        // nested authors and publishers do not vote
        PageClassification c = classify("https://x.example/a/b", "<script type=application/ld+json>{\"@type\":\"BlogPosting\",\"author\":{\"@type\":\"Person\"},"
                + "\"publisher\":{\"@type\":\"Organization\"}}</script>");
        assertThat(c.type()).isEqualTo(PageType.ARTICLE);
        assertThat(c.signals()).first().asString().startsWith("json-ld BlogPosting");
    }

    @Test
    void classify_plansWithPeriodsArePricingProductGridIsCategory() {
        String plans = "<main><h1>Plans</h1><div><h2>Basic</h2><p>9 €/mes</p><a href=/r?p=1>Go</a></div><div><h2>Pro</h2><p>24 €/mes</p>"
                + "<a href=/r?p=2>Go</a></div></main>";
        assertThat(classify("https://x.example/offer", plans).type()).isEqualTo(PageType.PRICING);
        String grid = "<main><h1>Throws</h1><ul><li><a href=/products/a>A</a> <span>$148.00</span></li><li><a href=/products/b>B</a> <span>$210.00</span></li>"
                + "<li><a href=/products/c>C</a> <span>$42.00</span></li></ul></main>";
        assertThat(classify("https://x.example/wolle", grid).type()).isEqualTo(PageType.CATEGORY);
    }

    @Test
    void classify_formsTellContactFromLogin() {
        assertThat(classify("https://x.example/x", "<main><form><input type=email name=e><textarea name=m></textarea><button>Send</button></form></main>").type())
                .isEqualTo(PageType.CONTACT);
        assertThat(classify("https://x.example/x", "<main><form><input type=email name=e><input type=password name=p><button>Go</button></form></main>").type())
                .isEqualTo(PageType.OTHER);
    }

    @Test
    void classify_linkLabelCounts() {
        assertThat(classify("https://x.example/seite-7", "<main><p>Text.</p></main>", "Preise").type()).isEqualTo(PageType.PRICING);
    }

    @Test
    void classify_rootWithQueryIsNotHome() {
        String post = "<html><head><meta property=og:type content=article><meta property=article:published_time content=2025-01-20></head>"
                + "<body><main><h1>Télétravail</h1><p>Publié le <time datetime=2025-01-20>20 janvier</time> par Hugo Bernard</p></main></body></html>";
        assertThat(classify("https://x.example/?p=412", post).type()).isEqualTo(PageType.ARTICLE);
        assertThat(classify("https://x.example/", post).type()).isEqualTo(PageType.HOME);
    }

    @Test
    void classify_nothingToGoOnIsOtherWithLowConfidence() {
        PageClassification c = classify("https://x.example/x7/y9", "<main><p>Hello.</p></main>");
        assertThat(c.type()).isEqualTo(PageType.OTHER);
        assertThat(c.confidence()).isLessThan(0.5);
        assertThat(c.signals()).singleElement().asString().startsWith("too little evidence");
    }

    @Test
    void overrides_firstMatchingRuleWins() {
        TypeOverrides o = new TypeOverrides(List.of(TypeOverride.of("^/shop/", "category"), TypeOverride.of("^/shop/sale", "pricing")));
        PageEvidence e = new PageEvidence(URI.create("https://x.example/shop/sale"), Jsoup.parse("<main><h1>Impressum</h1></main>"), null);
        PageClassification c = o.classify(PageTypeClassifier.DEFAULT, e);
        assertThat(c.type()).isEqualTo(PageType.CATEGORY);
        assertThat(c.confidence()).isEqualTo(1.0);
        assertThat(c.signals()).containsExactly("override ^/shop/ -> category");
        PageEvidence other = new PageEvidence(URI.create("https://x.example/impressum"), Jsoup.parse("<main></main>"), null);
        assertThat(o.classify(PageTypeClassifier.DEFAULT, other).type()).isEqualTo(PageType.LEGAL);
    }

    @Test
    void overrides_badInputNamesTheField() {
        assertThatThrownBy(() -> TypeOverride.of("(", "legal")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("pathPattern"));
        assertThatThrownBy(() -> TypeOverride.of("^/x", "landing")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("type"));
    }
}
