package io.pagelens.content;

import org.jsoup.nodes.Element;

import java.util.regex.Pattern;

/** Mozilla Readability's class/id patterns and visibility test, shared by the readerable check and the article finder. */
final class Patterns {
    static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|"
            + "cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
            + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            Pattern.CASE_INSENSITIVE);
    static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow",
            Pattern.CASE_INSENSITIVE);
    static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|pagination|"
            + "post|text|blog|story", Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|"
            + "contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
            + "sponsor|shopping|tags|widget", Pattern.CASE_INSENSITIVE);
    static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Pattern VISIBILITY_HIDDEN = Pattern.compile("visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private Patterns() {
    }

    static boolean isProbablyVisible(Element e) {
        String style = e.attr("style");
        if (!style.isEmpty() && (DISPLAY_NONE.matcher(style).find() || VISIBILITY_HIDDEN.matcher(style).find())) {
            return false;
        }
        if (e.hasAttr("hidden")) return false;
        return !e.attr("aria-hidden").equals("true") || e.className().contains("fallback-image");
    }
}
