package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the classifier looks at, read once from a page: URL segments, title and headings, JSON-LD types, Open Graph,
 * and counts over the main content (prices, cart buttons, dates, bylines, teasers, forms, code, sidebars, legal and
 * job vocabulary). Header, navigation, footer and asides are left out of the content counts, so the site's chrome
 * does not vote on every page.
 */
record PageFeatures(List<String> segments, boolean root, boolean rootQuery, String lang, String titleHead, List<String> titleRest, String h1,
                    List<String> headings, Set<String> jsonLdTypes, String ogType, boolean publishedTime, int textLength,
                    int prices, int periodPrices, int pricedLinks, boolean cartButton, int times, boolean byline, int teasers, int datedTeasers,
                    boolean pagination, int textareas, boolean emailInput, boolean passwordInput, boolean address, int codeBlocks,
                    boolean sidebar, int legalTerms, int jobTerms, int aboutTerms, int listingTerms, String linkText) {

    static final Pattern PRICE = Pattern.compile(
            // currency codes without \\b before them: jsoup's text() joins "Bärgmatt" and "CHF 18.90" of adjacent tags
            "(?:[$€£¥]|(?<!\\p{Lu})(?:CHF|EUR|USD|GBP|Fr\\.))\\s?\\d{1,3}(?:[',.\\u00a0\\u202f ]?\\d{3})*(?:[.,]\\d{1,2}|\\.-)?"
                    + "|\\b\\d{1,3}(?:[',.\\u00a0\\u202f]?\\d{3})*(?:[.,]\\d{1,2})?\\s?(?:€|\\$|£|(?:EUR|CHF|USD|GBP)(?!\\p{L}))");
    static final Pattern PERIOD = Pattern.compile(
            "(?:/\\s*|\\b(?:per|pro|par|por|al|a|le)\\s+)(?:\\p{L}+\\s+){0,2}?(?:mo|month|monat|mois|mes|year|yr|jahr|an|ano|annee|week|woche|semaine|semana)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}\\.?\\s+(?:de\\s+)?\\p{L}{3,10}\\.?\\s+(?:de\\s+)?\\d{4}\\b|\\b\\p{L}{3,10}\\.?\\s+\\d{1,2},\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LANG_SEGMENT = Pattern.compile("[a-z]{2}(?:[-_][a-z]{2})?");
    private static final Set<String> LANGS = Set.of("en", "de", "fr", "es", "it", "nl", "pt", "ca", "eu", "gl", "sv", "da", "no",
            "fi", "pl", "cs", "at", "ch", "uk", "us", "gb", "mx", "ar", "br", "be", "lu");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·•»:\\-]\\s+|\\s+-\\s+");
    private static final Pattern SIDEBAR = Pattern.compile("sidebar|side-nav|sidenav|docs-nav|doc-nav|toc|help-nav|subnav|menu-docs",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_JSON_LD_CHARS = 200_000;

    static PageFeatures of(URI url, Document doc, String linkText) {
        List<String> segments = segments(url);
        boolean root = segments.isEmpty();
        boolean rootQuery = root && url.getRawQuery() != null && !url.getRawQuery().isEmpty();
        String lang = doc.selectFirst("html[lang]") == null ? "" : doc.selectFirst("html[lang]").attr("lang").toLowerCase(Locale.ROOT);

        List<String> titleParts = new ArrayList<>();
        for (String p : TITLE_SEPARATOR.split(doc.title())) {
            if (!p.isBlank()) titleParts.add(PageTypeVocabulary.fold(p));
        }
        String titleHead = titleParts.isEmpty() ? "" : titleParts.getFirst();
        List<String> titleRest = titleParts.size() > 1 ? titleParts.subList(1, titleParts.size()) : List.of();

        Element main = mainContent(doc);
        Element h1El = main.selectFirst("h1");
        if (h1El == null) h1El = doc.selectFirst("h1");
        String h1 = h1El == null ? "" : PageTypeVocabulary.fold(h1El.text());
        List<String> headings = new ArrayList<>();
        for (Element h : main.select("h2, h3")) {
            if (headings.size() < 30) headings.add(PageTypeVocabulary.fold(h.text()));
        }

        Set<String> types = jsonLdTypes(doc);
        Element og = doc.selectFirst("meta[property=og:type]");
        String ogType = og == null ? "" : og.attr("content").strip().toLowerCase(Locale.ROOT);
        boolean published = doc.selectFirst("meta[property=article:published_time], meta[name=article:published_time]") != null;

        String text = main.text();
        String folded = PageTypeVocabulary.fold(text);
        int prices = count(PRICE, text);
        int periods = count(PERIOD, text);
        int pricedLinks = pricedLinks(main);
        boolean cart = false;
        for (Element b : main.select("button, input[type=submit], input[type=button], a.button, a.btn, a[class*=cart], [role=button]")) {
            String t = PageTypeVocabulary.fold(b.is("input") ? b.attr("value") : b.text());
            if (!t.isEmpty() && t.length() < 40 && PageTypeVocabulary.ADD_TO_CART.stream().anyMatch(t::contains)) {
                cart = true;
                break;
            }
        }
        int times = main.select("time").size();
        boolean byline = main.selectFirst("[rel=author], .author, .byline, [itemprop=author]") != null || hasByline(main);

        int teasers = 0;
        int dated = 0;
        for (Element h : main.select("h2, h3, h4")) {
            Element a = h.selectFirst("a[href]");
            if (a == null && h.parent() != null && h.parent().is("a[href]")) a = h.parent();
            if (a == null) continue;
            teasers++;
            Element box = h.parent();
            if (box != null && (box.selectFirst("time") != null || DATE.matcher(box.text()).find())) dated++;
        }
        int listingTerms = 0;
        for (Element a : main.select("a")) {
            String t = PageTypeVocabulary.fold(a.text());
            if (!t.isEmpty() && t.length() < 40 && PageTypeVocabulary.LISTING_TERMS.stream().anyMatch(t::contains)) listingTerms++;
        }
        boolean pagination = doc.selectFirst("link[rel=next], link[rel=prev], a[rel=next], a[rel=prev], .pagination, .pager, nav[aria-label*=agina], nav[aria-label*=age]") != null;

        int textareas = main.select("textarea").size();
        boolean email = main.selectFirst("input[type=email], input[name*=mail]") != null;
        boolean password = main.selectFirst("input[type=password]") != null;
        boolean address = main.selectFirst("address, [itemprop=address]") != null || main.selectFirst("a[href^=tel:]") != null;
        int code = main.select("pre, code").size();
        boolean sidebar = sectionSidebar(doc, url, segments);
        return new PageFeatures(segments, root, rootQuery, lang, titleHead, titleRest, h1, headings, types, ogType, published, text.length(),
                prices, periods, pricedLinks, cart, times, byline, teasers, dated, pagination || listingTerms >= 2, textareas, email, password,
                address, code, sidebar, countTerms(folded, PageTypeVocabulary.LEGAL_TERMS), countTerms(folded, PageTypeVocabulary.JOB_TERMS),
                countTerms(folded, PageTypeVocabulary.ABOUT_TERMS), listingTerms, PageTypeVocabulary.fold(linkText));
    }

    /** Folded path segments without a leading language code ({@code /de/}, {@code /fr-ch/}). */
    static List<String> segments(URI url) {
        String raw = url.getRawPath() == null ? "" : url.getRawPath();
        List<String> out = new ArrayList<>();
        for (String s : raw.split("/")) {
            if (s.isEmpty()) continue;
            String d;
            try {
                d = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                d = s;
            }
            String f = PageTypeVocabulary.fold(d.replaceAll("\\.(html?|php|aspx?|jsp)$", "")).replace(' ', '-');
            if (!f.isEmpty()) out.add(f);
        }
        if (!out.isEmpty() && LANG_SEGMENT.matcher(out.getFirst()).matches() && LANGS.contains(out.getFirst().substring(0, 2))) {
            out.removeFirst();
        }
        return out;
    }

    /** The page's main content: main/[role=main]/#content, else the body; chrome removed from a copy. */
    static Element mainContent(Document doc) {
        Element m = doc.selectFirst("main, [role=main]");
        if (m == null) m = doc.selectFirst("#content, #main, .content, .main");
        if (m == null) m = doc.body() != null ? doc.body() : doc;
        Element copy = m.clone();
        copy.select("script, style, noscript, template, nav, aside, [role=navigation], [role=banner], [role=contentinfo]").remove();
        // the site's header and footer go; an article's own header (title, byline, date) stays
        for (Element e : copy.select("header, footer")) {
            if (e.closest("article") == null && e.selectFirst("h1") == null) e.remove();
        }
        return copy;
    }

    private static Set<String> jsonLdTypes(Document doc) {
        Set<String> types = new LinkedHashSet<>();
        int chars = 0;
        for (Element s : doc.select("script[type=application/ld+json]")) {
            String json = s.data();
            chars += json.length();
            if (chars > MAX_JSON_LD_CHARS) break;
            try {
                JsonNode n = Jackson.LENIENT.readTree(json);
                collectTypes(n, types, 0);
            } catch (Exception ignored) { // bad JSON-LD is common; it just does not vote
            }
        }
        return types;
    }

    /** Types of the top-level entities, their @graph items and mainEntity; nested authors and publishers do not count. */
    private static void collectTypes(JsonNode n, Set<String> out, int depth) {
        if (n == null || depth > 3) return;
        if (n.isArray()) {
            for (JsonNode e : n) collectTypes(e, out, depth);
            return;
        }
        if (!n.isObject()) return;
        JsonNode t = n.get("@type");
        if (t != null) {
            if (t.isArray()) t.forEach(x -> out.add(simpleType(x.asText())));
            else out.add(simpleType(t.asText()));
        }
        collectTypes(n.get("@graph"), out, depth + 1);
        collectTypes(n.get("mainEntity"), out, depth + 1);
    }

    private static String simpleType(String t) {
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return slash >= 0 ? t.substring(slash + 1) : t;
    }

    /**
     * A sidebar (an aside, or a block named sidebar/toc/docs-nav) whose links mostly stay in the page's own section: the
     * navigation of a docs or help section. A blog's widget column (recent posts, categories) links elsewhere and
     * does not count.
     */
    private static boolean sectionSidebar(Document doc, URI url, List<String> segments) {
        if (segments.isEmpty()) return false;
        String section = segments.getFirst();
        for (Element e : doc.select("aside, nav, div[class], div[id], ul[class]")) {
            if (e.closest("footer, header") != null) continue;
            if (!e.is("aside") && !SIDEBAR.matcher(e.className() + " " + e.id()).find()) continue;
            Elements links = e.select("a[href]");
            if (links.size() < 3) continue;
            int inSection = 0;
            for (Element a : links) {
                String abs = a.absUrl("href");
                if (abs.isEmpty()) continue;
                try {
                    List<String> target = segments(URI.create(abs.replace(" ", "%20")));
                    if (!target.isEmpty() && target.getFirst().equals(section)) inSection++;
                } catch (IllegalArgumentException ignored) { // an href no URI can hold
                }
            }
            if (inSection >= 3 && inSection >= 0.6 * links.size()) return true;
        }
        return false;
    }

    /**
     * Distinct link targets that sit in a small box with a price: product tiles of a listing (a plan card's button
     * counts too; the classifier tells plans by their periods).
     */
    private static int pricedLinks(Element main) {
        Set<String> hrefs = new java.util.HashSet<>();
        for (Element a : main.select("a[href]")) {
            Element box = a;
            for (int up = 0; up < 3 && box != null; up++) {
                String t = box.text();
                if (t.length() > 300) break;
                if (PRICE.matcher(t).find()) {
                    hrefs.add(a.attr("href"));
                    break;
                }
                box = box.parent();
            }
        }
        return hrefs.size();
    }

    private static boolean hasByline(Element main) {
        // the first few short blocks near the top of the content, where bylines sit
        Elements blocks = main.select("p, div, span, header");
        int seen = 0;
        for (Element b : blocks) {
            String t = b.ownText();
            if (t.isBlank() || t.length() > 160) continue;
            if (PageTypeVocabulary.BYLINE.matcher(b.text().length() > 200 ? t : b.text()).find()) return true;
            if (++seen > 12) break;
        }
        return false;
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find() && n < 1_000) n++;
        return n;
    }

    private static int countTerms(String folded, List<String> terms) {
        String padded = " " + folded + " ";
        int n = 0;
        for (String t : terms) {
            if (padded.contains(" " + t + " ") || (t.length() >= 8 && padded.contains(" " + t))) n++;
        }
        return n;
    }
}
