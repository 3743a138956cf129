package io.pagelens.crawl;

import io.pagelens.store.blob.Sha256;
import org.jsoup.nodes.Document;

/**
 * The content hash that finds duplicate pages under different URLs: SHA-256 of the title and the visible text of the
 * body, whitespace folded. Markup, scripts and styles do not count, so two copies of a page that differ only in a
 * tracking pixel, a nonce or an asset version are the same page.
 */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(Document doc) {
        String title = doc.title().replaceAll("\\s+", " ").strip();
        String body = doc.body() == null ? "" : doc.body().text().replaceAll("\\s+", " ").strip();
        return Sha256.of(title + "\n" + body);
    }
}
