package io.pagelens.content;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The links of a page: absolute URLs against the page (jsoup's {@code absUrl}, which honours
 * {@code <base href>}), each once in document order, with the first non-empty anchor text seen.
 * {@code javascript:} and {@code data:} targets are not links and are skipped.
 */
final class Links {
    private Links() {
    }

    static List<Link> of(Element root) {
        Map<String, String> byUrl = new LinkedHashMap<>();
        for (Element a : root.select("a[href], area[href]")) {
            String url = a.absUrl("href");
            if (url.isEmpty()) url = a.attr("href").strip();
            if (url.isEmpty()) continue;
            String scheme = url.toLowerCase(Locale.ROOT);
            if (scheme.startsWith("javascript:") || scheme.startsWith("data:")) continue;
            String text = anchorText(a);
            String seen = byUrl.get(url);
            if (seen == null || (seen.isEmpty() && !text.isEmpty())) byUrl.put(url, text);
        }
        List<Link> links = new ArrayList<>(byUrl.size());
        byUrl.forEach((url, text) -> links.add(new Link(url, text)));
        return links;
    }

    private static String anchorText(Element a) {
        String text = Text.fold(a.text());
        if (!text.isEmpty()) return text;
        for (String attr : List.of("aria-label", "title", "alt")) {
            if (!a.attr(attr).isBlank()) return Text.fold(a.attr(attr));
        }
        Element img = a.selectFirst("img[alt]");
        return img == null ? "" : Text.fold(img.attr("alt"));
    }
}
