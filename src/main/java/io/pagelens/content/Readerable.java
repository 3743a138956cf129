package io.pagelens.content;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Mozilla Readability's {@code isProbablyReaderable}: does the page hold enough visible paragraph text,
 * outside likely boilerplate, to be an article? Read-only.
 */
final class Readerable {
    private static final int MIN_CONTENT_LENGTH = 140;
    private static final double MIN_SCORE = 20;

    private Readerable() {
    }

    static boolean test(Document doc) {
        Set<Element> nodes = new LinkedHashSet<>(doc.select("p, pre, article"));
        for (Element br : doc.select("div > br")) nodes.add(br.parent());
        double score = 0;
        for (Element node : nodes) {
            if (!Patterns.isProbablyVisible(node)) continue;
            String match = node.className() + " " + node.id();
            if (Patterns.UNLIKELY.matcher(match).find() && !Patterns.MAYBE.matcher(match).find()) continue;
            if (node.normalName().equals("p") && node.closest("li") != null) continue;
            int length = Text.jsTrim(node.wholeText()).length();
            if (length < MIN_CONTENT_LENGTH) continue;
            score += Math.sqrt(length - MIN_CONTENT_LENGTH);
            if (score > MIN_SCORE) return true;
        }
        return false;
    }
}
