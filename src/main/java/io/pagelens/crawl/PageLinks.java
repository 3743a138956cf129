package io.pagelens.crawl;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a rendered (or plain) HTML page offers the crawler: its links with text, place and nofollow, the canonical
 * link, and its robots meta. Works on any jsoup {@link Document} whose base URI is the page's final URL.
 *
 * @param canonical absolute {@code <link rel=canonical>} target, or null
 */
public record PageLinks(List<FoundLink> links, String canonical, boolean noindex, boolean nofollow) {
    public PageLinks {
        links = List.copyOf(links);
    }

    /** Links of {@code a[href]}, {@code area[href]} and head {@code <link rel=next|prev>}, each URL once. */
    public static PageLinks of(Document doc) {
        String robots = robotsMeta(doc);
        boolean pageNofollow = robots.contains("nofollow") || robots.contains("none");
        boolean noindex = robots.contains("noindex") || robots.contains("none");
        Map<String, FoundLink> byUrl = new LinkedHashMap<>();
        for (Element a : doc.select("a[href], area[href]")) {
            String url = a.absUrl("href");
            if (url.isEmpty()) url = a.attr("href").strip();
            if (url.isEmpty() || url.startsWith("#")) continue;
            boolean nofollow = pageNofollow || hasRel(a, "nofollow");
            FoundLink link = new FoundLink(url, anchorText(a), nofollow, LinkPlace.of(a));
            byUrl.merge(url, link, PageLinks::better);
        }
        for (Element l : doc.select("link[rel][href]")) {
            if (!hasRel(l, "next") && !hasRel(l, "prev") && !hasRel(l, "previous")) continue;
            String url = l.absUrl("href");
            if (!url.isEmpty()) byUrl.merge(url, new FoundLink(url, "", pageNofollow, LinkPlace.HEAD), PageLinks::better);
        }
        Element canon = doc.selectFirst("link[rel=canonical][href]");
        String canonical = canon == null || canon.absUrl("href").isEmpty() ? null : canon.absUrl("href");
        return new PageLinks(new ArrayList<>(byUrl.values()), canonical, noindex, pageNofollow);
    }

    /** Of two links to one URL: followable beats nofollow (one plain link makes it followable); nav text beats other text. */
    private static FoundLink better(FoundLink a, FoundLink b) {
        boolean nofollow = a.nofollow() && b.nofollow();
        FoundLink label = rank(b) > rank(a) ? b : a;
        return new FoundLink(a.url(), label.text(), nofollow, label.place());
    }

    private static int rank(FoundLink l) {
        if (l.text().isEmpty()) return 0;
        return switch (l.place()) {
            case NAV -> 4;
            case HEADER -> 3;
            case MAIN, OTHER, ASIDE -> 2;
            case FOOTER, HEAD -> 1;
        };
    }

    private static boolean hasRel(Element e, String rel) {
        for (String r : e.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (r.equals(rel)) return true;
        }
        return false;
    }

    private static String robotsMeta(Document doc) {
        StringBuilder b = new StringBuilder();
        for (Element m : doc.select("meta[name][content]")) {
            String name = m.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("robots") || name.equals("pagelens")) b.append(m.attr("content").toLowerCase(Locale.ROOT)).append(',');
        }
        return b.toString();
    }

    static String anchorText(Element a) {
        String text = fold(a.text());
        if (!text.isEmpty()) return text;
        for (String attr : List.of("aria-label", "title")) {
            if (!a.attr(attr).isBlank()) return fold(a.attr(attr));
        }
        Element img = a.selectFirst("img[alt]");
        return img == null ? "" : fold(img.attr("alt"));
    }

    private static String fold(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
