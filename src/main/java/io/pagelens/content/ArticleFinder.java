package io.pagelens.content;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the main content of a page. Changes the document (removes what is not the article). */
final class ArticleFinder {
    /** The article found: its content element, the byline and text direction seen while finding it. */
    record Article(Element content, String byline, String dir) {
    }

    private ArticleFinder() {
    }

    static Article find(Document doc, boolean needByline) {
        String byline = needByline ? byline(doc) : null;
        Element best = null;
        int bestLength = 0;
        for (Element e : doc.select("article, main, [role=main], [itemprop=articleBody]")) {
            int length = e.text().length();
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        if (best == null) best = doc.body();
        Boilerplate.strip(best);
        return new Article(best, byline, dir(best));
    }

    private static String byline(Document doc) {
        for (Element e : doc.body().getAllElements()) {
            if (!Patterns.isProbablyVisible(e)) continue;
            String match = e.className() + " " + e.id();
            boolean candidate = e.attr("rel").equals("author") || e.attr("itemprop").contains("author")
                    || Patterns.BYLINE.matcher(match).find();
            if (!candidate) continue;
            String text = Text.jsTrim(e.wholeText());
            if (!text.isEmpty() && text.length() < 100) return Text.fold(text);
        }
        return null;
    }

    private static String dir(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (!a.attr("dir").isBlank()) return a.attr("dir").strip();
        }
        return null;
    }
}
