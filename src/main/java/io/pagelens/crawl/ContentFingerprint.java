package io.pagelens.crawl;

import io.pagelens.store.blob.Sha256;
import org.jsoup.nodes.Document;

/**
 * The content hash that finds duplicate pages under different URLs: SHA-256 of the title and the visible text of the
 * body, whitespace folded. Markup, scripts and styles do not count, so two copies of a page that differ only in a
 * tracking pixel, a nonce or an asset version are the same page. The text direction ({@code dir} attributes, where
 * they sit) counts: the same text laid out right-to-left is another page to capture.
 */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(Document doc) {
        String title = doc.title().replaceAll("\\s+", " ").strip();
        String body = doc.body() == null ? "" : doc.body().text().replaceAll("\\s+", " ").strip();
        StringBuilder dirs = new StringBuilder();
        for (org.jsoup.nodes.Element e : doc.select("[dir]")) dirs.append(e.tagName()).append('=').append(e.attr("dir").strip().toLowerCase(java.util.Locale.ROOT)).append(';');
        return Sha256.of(dirs.isEmpty() ? title + "\n" + body : title + "\n" + body + "\n" + dirs);
    }
}
