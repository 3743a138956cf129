package io.pagelens.crawl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives a page one type of the taxonomy ({@link PageType}) from evidence of several kinds, added up per type:
 * <ul>
 *   <li>URL: the page's own slug and its section ({@code /blog/} alone is a blog index, {@code /blog/page/2} too, a
 *       {@code /blog/category/x} a category, anything deeper an article); a leading language code is ignored; the
 *       root is the home page;</li>
 *   <li>title (the page's part, and the site-section parts after a separator), the h1 and the link label that led
 *       to the page, against the four languages' vocabulary;</li>
 *   <li>schema.org JSON-LD types and Open Graph ({@code og:type}, {@code article:published_time});</li>
 *   <li>structure of the main content: prices with and without periods, an add-to-cart button, bylines and dates,
 *       lists of dated teasers and pagination, contact and login forms, code blocks and docs sidebars, and the
 *       density of legal, job and company-story vocabulary.</li>
 * </ul>
 * No rule needs a particular site's paths or markup: a page whose URL says nothing ({@code /p/8812}) is typed by the
 * rest. Pure and thread-safe.
 */
public final class PageTypeClassifier {
    /** Below this much evidence a page is {@link PageType#OTHER}. */
    static final double MIN_EVIDENCE = 2.0;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> PAGE_WORDS = Set.of("page", "seite", "pagina", "p", "pag", "pg");
    private static final Set<String> ARTICLE_TYPES = Set.of("Article", "BlogPosting", "NewsArticle", "Report", "ScholarlyArticle",
            "OpinionNewsArticle", "AnalysisNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "SocialMediaPosting");
    private static final Set<String> PRODUCT_TYPES = Set.of("Product", "ProductGroup", "IndividualProduct", "ProductModel", "Car", "Book");
    /** Languages whose compound slugs put the head word first ("politica-de-privacidad", "novedades-del-producto"). */
    private static final Set<String> HEAD_FIRST = Set.of("es", "fr", "it", "pt", "ca", "gl");

    public static final PageTypeClassifier DEFAULT = new PageTypeClassifier();

    public PageClassification classify(PageEvidence e) {
        PageFeatures f = PageFeatures.of(e.url(), e.doc(), e.linkText());
        Scores s = new Scores();
        url(f, s);
        words(f, s);
        schema(f, s);
        structure(f, s);
        return s.result();
    }

    // --- URL ----------------------------------------------------------------------------------------------

    private static void url(PageFeatures f, Scores s) {
        List<String> seg = f.segments();
        if (f.root()) {
            // "/?p=412" or "/?page_id=7" is a CMS page behind the root, not the home page
            if (f.rootQuery()) s.add(PageType.HOME, 2, "url is the site root with a query");
            else s.add(PageType.HOME, 7, "url is the site root");
            return;
        }
        String first = seg.getFirst();
        String last = seg.getLast();
        PageType section = slugType(first);
        if (section == PageType.BLOG_INDEX) {
            if (seg.size() == 1) {
                s.add(PageType.BLOG_INDEX, 4, "url is the section /" + first + "/");
            } else if (PAGE_WORDS.contains(seg.get(1)) || NUMBER.matcher(last).matches() && seg.size() <= 3 && PAGE_WORDS.contains(seg.get(seg.size() - 2))) {
                s.add(PageType.BLOG_INDEX, 4, "url is a further page of /" + first + "/");
            } else if (slugType(seg.get(1)) == PageType.CATEGORY || seg.get(1).equals("author") || seg.get(1).equals("autor")) {
                s.add(PageType.CATEGORY, 4, "url is a listing under /" + first + "/" + seg.get(1) + "/");
            } else {
                s.add(PageType.ARTICLE, 3.5, "url is a post under /" + first + "/");
            }
            return;
        }
        if (seg.size() >= 2 && section == PageType.PRODUCT && (first.equals("p") || first.equals("dp") || first.startsWith("item"))) {
            s.add(PageType.PRODUCT, 2.5, "url is /" + first + "/ + an id");
            return;
        }
        if (section != null && section != PageType.OTHER && seg.size() >= 2) {
            // a section: its pages share its type (docs, product, careers, legal, about); categories hold products
            PageType t = section == PageType.CATEGORY && seg.size() >= 3 ? PageType.PRODUCT : section;
            s.add(t, section == PageType.DOCS || section == PageType.CAREERS || section == PageType.LEGAL ? 3.5 : 2.5,
                    "url is under the section /" + first + "/");
        }
        PageType own = slugType(last);
        if (own != null) {
            s.add(own, seg.size() == 1 ? 4 : 3, "url slug '" + last + "'");
            return;
        }
        slugTokens(f, last, s);
    }

    /** The type a whole slug names, if any. */
    private static PageType slugType(String slug) {
        for (var e : PageTypeVocabulary.SLUGS.entrySet()) {
            if (e.getValue().contains(slug)) return e.getKey();
        }
        return null;
    }

    /** Words inside a compound slug ({@code politica-de-privacidad}): the head word counts fully, the others half. */
    private static void slugTokens(PageFeatures f, String slug, Scores s) {
        String[] tokens = slug.split("-");
        if (tokens.length < 2) return;
        boolean headFirst = HEAD_FIRST.contains(f.lang().length() >= 2 ? f.lang().substring(0, 2) : "");
        int head = headFirst ? 0 : tokens.length - 1;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length() < 3 && !tokens[i].equals("tos")) continue;
            PageType t = slugType(tokens[i]);
            if (t == null || !PageTypeVocabulary.SLUG_TOKEN_TYPES.contains(t)) continue;
            double w = i == head ? 2.5 : 1.25;
            s.add(t, w, "url word '" + tokens[i] + "'");
        }
    }

    // --- titles, headings, link label ----------------------------------------------------------------------

    private static void words(PageFeatures f, Scores s) {
        phrases(f.titleHead(), 2.5, "title", s);
        for (String part : f.titleRest()) phrases(part, 1, "title section", s);
        phrases(f.h1(), 2.5, "h1", s);
        phrases(f.linkText(), 2, "link label", s);
    }

    /** Scores the best vocabulary match of one text per type: the whole text naming a type weighs most. */
    private static void phrases(String text, double weight, String where, Scores s) {
        if (text == null || text.isEmpty()) return;
        String padded = " " + text + " ";
        String[] words = text.split(" ");
        for (var e : PageTypeVocabulary.PHRASES.entrySet()) {
            double best = 0;
            String hit = null;
            for (String p : e.getValue()) {
                double w;
                if (text.equals(p)) w = weight;
                else if (padded.contains(" " + p + " ")) w = weight * (words.length <= 4 ? 0.8 : 0.5);
                else if (p.length() >= 6 && !p.contains(" ") && startsAWord(words, p)) w = weight * 0.7; // German compounds
                else continue;
                if (w > best) {
                    best = w;
                    hit = p;
                }
            }
            if (hit != null) s.add(e.getKey(), best, where + " '" + hit + "'");
        }
    }

    private static boolean startsAWord(String[] words, String prefix) {
        for (String w : words) {
            if (w.length() > prefix.length() && w.startsWith(prefix)) return true;
        }
        return false;
    }

    // --- schema.org and Open Graph ------------------------------------------------------------------------

    private static void schema(PageFeatures f, Scores s) {
        for (String t : f.jsonLdTypes()) {
            if (PRODUCT_TYPES.contains(t)) s.add(PageType.PRODUCT, 5, "json-ld " + t);
            else if (ARTICLE_TYPES.contains(t)) s.add(PageType.ARTICLE, 4.5, "json-ld " + t);
            else if (t.equals("TechArticle") || t.equals("APIReference") || t.equals("HowTo")) s.add(PageType.DOCS, 3, "json-ld " + t);
            else if (t.equals("JobPosting")) s.add(PageType.CAREERS, 6, "json-ld JobPosting");
            else if (t.equals("ContactPage")) s.add(PageType.CONTACT, 5, "json-ld ContactPage");
            else if (t.equals("AboutPage")) s.add(PageType.ABOUT, 5, "json-ld AboutPage");
            else if (t.equals("Blog")) s.add(PageType.BLOG_INDEX, 3, "json-ld Blog");
            else if (t.equals("CollectionPage") || t.equals("ItemList") || t.equals("OfferCatalog")) s.add(PageType.CATEGORY, 1.5, "json-ld " + t);
            else if (t.equals("Course")) s.add(PageType.PRODUCT, 4, "json-ld Course");
            else if (t.equals("SoftwareApplication") || t.equals("WebApplication") || t.equals("Service")) s.add(PageType.PRODUCT, 2, "json-ld " + t);
            else if (t.equals("SearchResultsPage") || t.equals("CheckoutPage") || t.equals("Event")) s.add(PageType.OTHER, 2, "json-ld " + t);
            else if (t.equals("ProfilePage")) s.add(PageType.ABOUT, 1.5, "json-ld ProfilePage");
        }
        switch (f.ogType()) {
            case "article" -> s.add(PageType.ARTICLE, 2.5, "og:type article");
            case "product", "product.item", "og:product" -> s.add(PageType.PRODUCT, 3, "og:type " + f.ogType());
            case "profile" -> s.add(PageType.ABOUT, 1, "og:type profile");
            default -> {
            }
        }
        if (f.publishedTime()) s.add(PageType.ARTICLE, 1.5, "article:published_time");
    }

    // --- page structure -----------------------------------------------------------------------------------

    private static void structure(PageFeatures f, Scores s) {
        if (f.cartButton() && f.prices() >= 1) s.add(PageType.PRODUCT, 4.5, "price and a buy or book button");
        else if (f.cartButton()) s.add(PageType.PRODUCT, 1.5, "buy or book button");
        if (f.prices() >= 2 && f.periodPrices() >= 1) {
            s.add(PageType.PRICING, f.periodPrices() >= 2 ? 4.5 : 3, f.prices() + " prices, " + f.periodPrices() + " per period");
        } else if (!f.cartButton() && f.pricedLinks() >= 2) {
            s.add(PageType.CATEGORY, f.pricedLinks() >= 3 ? 3.5 : 2.5, f.pricedLinks() + " priced product links, no cart button (a product list)");
        }
        if (f.byline() && f.times() >= 1) s.add(PageType.ARTICLE, 2.5, "byline and date");
        else if (f.byline() && f.teasers() < 3) s.add(PageType.ARTICLE, 1.5, "byline");
        else if (f.times() == 1 && f.teasers() < 3) s.add(PageType.ARTICLE, 0.5, "one date");
        if (f.teasers() >= 2 && f.datedTeasers() >= 2) {
            s.add(PageType.BLOG_INDEX, 2 + Math.min(2, f.datedTeasers() * 0.5), f.datedTeasers() + " dated teasers");
        }
        if (f.pagination() && f.teasers() >= 1) s.add(PageType.BLOG_INDEX, 1.5, "pagination");
        if (f.textareas() >= 1 && f.emailInput() && !f.passwordInput()) s.add(PageType.CONTACT, 3.5, "message form");
        if (f.address() && f.textareas() >= 1) s.add(PageType.CONTACT, 1, "address or phone");
        if (f.passwordInput()) s.add(PageType.OTHER, 4, "password form (login or sign-up)");
        if (f.codeBlocks() >= 1) s.add(PageType.DOCS, Math.min(2.5, 1 + f.codeBlocks() * 0.3), f.codeBlocks() + " code blocks");
        if (f.sidebar() && f.teasers() < 3) s.add(PageType.DOCS, 1.5, "sidebar of the section's pages");
        if (f.legalTerms() >= 3) s.add(PageType.LEGAL, Math.min(4.5, 1.5 + f.legalTerms() * 0.5), f.legalTerms() + " legal terms");
        if (f.jobTerms() >= 2) s.add(PageType.CAREERS, Math.min(4, 1 + f.jobTerms() * 0.6), f.jobTerms() + " job-offer terms");
        if (f.aboutTerms() >= 2) s.add(PageType.ABOUT, Math.min(3, 0.5 + f.aboutTerms() * 0.6), f.aboutTerms() + " company-story terms");
    }

    /** Evidence per type; the result is the strongest type, with the signals that voted for it. */
    private static final class Scores {
        private record Signal(String name, double weight) {
        }

        private final Map<PageType, Double> total = new EnumMap<>(PageType.class);
        private final Map<PageType, List<Signal>> signals = new EnumMap<>(PageType.class);

        void add(PageType t, double w, String why) {
            total.merge(t, w, Double::sum);
            signals.computeIfAbsent(t, k -> new ArrayList<>()).add(new Signal(why, w));
        }

        PageClassification result() {
            List<Map.Entry<PageType, Double>> ranked = new ArrayList<>(total.entrySet());
            ranked.sort(Map.Entry.<PageType, Double>comparingByValue().reversed());
            if (ranked.isEmpty() || ranked.getFirst().getValue() < MIN_EVIDENCE) {
                double best = ranked.isEmpty() ? 0 : ranked.getFirst().getValue();
                return new PageClassification(PageType.OTHER, 0.3, List.of(String.format(Locale.ROOT, "too little evidence (%.1f)", best)));
            }
            PageType top = ranked.getFirst().getKey();
            double first = ranked.getFirst().getValue();
            double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
            double confidence = Math.min(0.99, first / (first + second + 1.0));
            List<String> why = new ArrayList<>();
            signals.get(top).stream().sorted(Comparator.comparingDouble(Signal::weight).reversed())
                    .forEach(sig -> why.add(String.format(Locale.ROOT, "%s +%.1f", sig.name(), sig.weight())));
            if (ranked.size() > 1) {
                why.add(String.format(Locale.ROOT, "runner-up %s %.1f", ranked.get(1).getKey().id(), second));
            }
            return new PageClassification(top, Math.round(confidence * 100) / 100.0, why);
        }
    }
}
