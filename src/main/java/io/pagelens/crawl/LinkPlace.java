package io.pagelens.crawl;

import org.jsoup.nodes.Element;

import java.util.Locale;

/** Where on its page a link sits: the classifier reads a nav label as a strong hint of the target's type. */
public enum LinkPlace {
    /** {@code <link rel=next|prev>} in the head. */
    HEAD,
    /** Main navigation ({@code <nav>}, {@code role=navigation}, a menu inside the header). */
    NAV,
    HEADER,
    FOOTER,
    ASIDE,
    MAIN,
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LinkPlace of(Element a) {
        boolean header = false;
        for (Element e = a.parent(); e != null; e = e.parent()) {
            String tag = e.normalName();
            String role = e.attr("role");
            if (tag.equals("nav") || role.equals("navigation") || role.equals("menubar")) return NAV;
            if (tag.equals("footer") || role.equals("contentinfo")) return FOOTER;
            if (tag.equals("aside") || role.equals("complementary")) return ASIDE;
            if (tag.equals("header") || role.equals("banner")) header = true;
            if (tag.equals("main") || role.equals("main") || tag.equals("article")) return header ? HEADER : MAIN;
        }
        return header ? HEADER : OTHER;
    }
}
