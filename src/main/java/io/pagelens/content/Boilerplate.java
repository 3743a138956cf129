package io.pagelens.content;

import org.jsoup.nodes.Element;

/**
 * Page furniture that is never the main content, in the spirit of Firecrawl's onlyMainContent list:
 * navigation, headers, footers, sidebars, ads, cookie and consent banners, share bars, comments, modals.
 */
final class Boilerplate {
    static final String SELECTOR = String.join(", ",
            "nav", "header", "footer", "aside", "form", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
            "[role=complementary]", "[role=search]", "[role=dialog]", "[aria-modal=true]",
            ".header", "#header", ".footer", "#footer", ".navbar", ".nav", "#nav", ".navigation", ".menu", "#menu",
            ".sidebar", "#sidebar", ".breadcrumb", ".breadcrumbs", "#breadcrumbs", ".modal", ".popup", ".overlay",
            ".ad", ".ads", ".advert", ".advertisement", "#ad", "#ads", "[id^=google_ads]", "[class*=sponsor]",
            ".cookie", "#cookie", "[class*=cookie-banner]", "[id*=cookie-banner]", "[class*=consent]", "[id*=consent]",
            "[class*=gdpr]", ".social", ".share", "#share", ".sharing", ".widget", ".related", ".newsletter",
            ".comments", "#comments", ".comment-list", "#disqus_thread", ".skip-link", ".lang-selector");

    private Boilerplate() {
    }

    /** Removes boilerplate below the root (never the root itself). */
    static void strip(Element root) {
        for (Element e : root.select(SELECTOR)) {
            if (e != root && e.parent() != null) e.remove();
        }
    }
}
