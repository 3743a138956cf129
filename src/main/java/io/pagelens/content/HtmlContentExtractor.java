package io.pagelens.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.Objects;

/**
 * Markdown, plain text, links and metadata from one HTML document, with jsoup and no browser.
 * Thread-safe and stateless: each call parses its own document.
 *
 * <p>Order matters because finding the article removes nodes: metadata, the readerable test and
 * links are read from the untouched document first. With {@code onlyMainContent} the text formats
 * come from the article; otherwise they come from the whole body and the article pass runs last,
 * only to fill metadata the head did not give (byline, excerpt, dir).
 */
public final class HtmlContentExtractor implements ContentExtractor {
    /** Default cap on the HTML accepted, in characters: a 5 MB page parses in well under 100 MB of heap. */
    public static final int DEFAULT_MAX_HTML_CHARS = 8 * 1024 * 1024;

    private final int maxHtmlChars;

    public HtmlContentExtractor() {
        this(DEFAULT_MAX_HTML_CHARS);
    }

    /** @param maxHtmlChars larger documents are refused with {@link ContentTooLargeException} before parsing */
    public HtmlContentExtractor(int maxHtmlChars) {
        if (maxHtmlChars <= 0) throw new IllegalArgumentException("maxHtmlChars: must be positive, was " + maxHtmlChars);
        this.maxHtmlChars = maxHtmlChars;
    }

    @Override
    public PageContent extract(String html, URI pageUrl, ContentOptions options) {
        Objects.requireNonNull(html, "html");
        ContentOptions opts = options == null ? ContentOptions.DEFAULTS : options;
        if (html.length() > maxHtmlChars) throw new ContentTooLargeException(html.length(), maxHtmlChars);
        Document doc = Jsoup.parse(html, pageUrl == null ? "" : pageUrl.toString());

        MetadataReader.Head head = MetadataReader.read(doc);
        boolean readerable = Readerable.test(doc);
        List<Link> links = Links.of(doc);
        for (String selector : opts.excludeTags()) select(doc, selector, "excludeTags").remove();

        String markdown;
        String text;
        ArticleFinder.Article article;
        if (opts.onlyMainContent() && opts.includeTags().isEmpty()) {
            article = ArticleFinder.find(doc, head.title(), head.byline() != null);
            text = PlainText.of(article.content());
            markdown = new MarkdownConverter(opts.markdown()).convert(article.content());
        } else {
            Element scope = opts.includeTags().isEmpty() ? doc.body() : included(doc, opts.includeTags());
            if (opts.onlyMainContent()) Boilerplate.strip(scope);
            text = PlainText.of(scope);
            markdown = new MarkdownConverter(opts.markdown()).convert(scope);
            article = ArticleFinder.find(doc, head.title(), head.byline() != null);
        }
        String excerpt = head.excerpt() != null ? head.excerpt() : firstParagraph(article.content());
        PageMetadata metadata = new PageMetadata(head.title(), head.description(),
                head.byline() != null ? head.byline() : article.byline(), excerpt, head.siteName(),
                head.publishedTime(), head.lang(), article.dir(), readerable, head.canonical(), head.openGraph(),
                head.jsonLd());
        return new PageContent(markdown, text, links, metadata);
    }

    /** The elements matching any include selector, outermost only, in document order, under one wrapper. */
    private static Element included(Document doc, List<String> selectors) {
        Document holder = Document.createShell(doc.location());
        Element wrapper = holder.body();
        Set<Element> matches = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String selector : selectors) matches.addAll(select(doc, selector, "includeTags"));
        for (Element e : doc.getAllElements()) {
            if (!matches.contains(e)) continue;
            boolean nested = false;
            for (Element p = e.parent(); p != null && !nested; p = p.parent()) nested = matches.contains(p);
            if (!nested) wrapper.appendChild(e.clone());
        }
        return wrapper;
    }

    private static Elements select(Document doc, String selector, String field) {
        try {
            return doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException(field + ": '" + selector + "' is not a valid CSS selector: " + e.getMessage(), e);
        }
    }

    private static String firstParagraph(Element content) {
        Element p = content == null ? null : content.selectFirst("p");
        if (p == null) return null;
        String text = Text.jsTrim(p.wholeText());
        return text.isEmpty() ? null : text;
    }
}
