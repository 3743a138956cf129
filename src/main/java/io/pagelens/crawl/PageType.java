package io.pagelens.crawl;

import java.util.Locale;
import java.util.Optional;

/**
 * The page-type taxonomy: what role a page plays on its site. Documented in {@code docs/crawling.md}.
 */
public enum PageType {
    /** The site's front page. */
    HOME,
    /** Plans and prices of the company's offer. */
    PRICING,
    /** One product, product feature or solution page (a shop's product detail page included). */
    PRODUCT,
    /** A listing of products, or of posts under one topic/tag. */
    CATEGORY,
    /** A blog's or news section's list of posts (and its further pages). */
    BLOG_INDEX,
    /** One blog post, news item, case study or press release. */
    ARTICLE,
    /** Documentation, guides, API reference, help-centre articles. */
    DOCS,
    /** The company, its team, story, mission. */
    ABOUT,
    /** How to reach the company: form, address, phone. */
    CONTACT,
    /** Terms, privacy, cookies, imprint (Impressum, mentions légales, aviso legal). */
    LEGAL,
    /** Jobs: the careers page and each job posting. */
    CAREERS,
    /** Anything else: login, sign-up, status, changelog, search, cart, ... */
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PageType> find(String id) {
        if (id == null) return Optional.empty();
        for (PageType t : values()) {
            if (t.id().equalsIgnoreCase(id.strip())) return Optional.of(t);
        }
        return Optional.empty();
    }
}
