package io.pagelens.crawl;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates by content: markup noise does not count, the text and its direction do. */
class ContentFingerprintTest {
    static String of(String html) {
        return ContentFingerprint.of(Jsoup.parse(html, "http://127.0.0.1/"));
    }

    @Test
    void markupNoiseIsTheSamePage_textOrDirectionIsAnother() {
        String page = "<title>T</title><p>Hello   world</p><img src=/pixel.gif?n=1><script>var nonce=1</script>";
        assertThat(of(page)).isEqualTo(of("<title>T</title><div><p>Hello world</p></div><img src=/pixel.gif?n=2><script>var nonce=2</script>"));
        assertThat(of(page)).isNotEqualTo(of("<title>T</title><p>Hello there</p>"));
        // the corpus's rtl-1 and rtl-4: the same text, right-to-left on the document or on the article
        assertThat(of("<html dir=rtl><title>T</title><article>Hello</article>"))
                .isNotEqualTo(of("<html><title>T</title><article dir=rtl>Hello</article>"))
                .isNotEqualTo(of("<html><title>T</title><article>Hello</article>"));
    }
}
