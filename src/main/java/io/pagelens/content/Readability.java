package io.pagelens.content;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mozilla Readability's article extraction ({@code _grabArticle} and {@code _prepArticle} of
 * Readability.js), ported to jsoup. Scores paragraphs, adds their scores to their ancestors, takes
 * the best candidate with its related siblings and cleans the result; retries with gentler flags when
 * the result is under 500 characters. Metadata is not read here ({@link MetadataReader} does it).
 *
 * <p>Changes the document it is given: pass a copy. Not thread-safe; one instance per document.
 */
final class Readability {
    private static final int FLAG_STRIP_UNLIKELYS = 1;
    private static final int FLAG_WEIGHT_CLASSES = 2;
    private static final int FLAG_CLEAN_CONDITIONALLY = 4;
    private static final int N_TOP_CANDIDATES = 5;
    private static final int CHAR_THRESHOLD = 500;
    private static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation", "alert",
            "alertdialog", "dialog");
    private static final Set<String> DIV_TO_P_ELEMS = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre",
            "table", "ul");
    private static final Set<String> ALTER_TO_DIV_EXCEPTIONS = Set.of("div", "article", "section", "p", "ol", "ul");
    private static final Set<String> PHRASING = Set.of("abbr", "audio", "b", "bdo", "br", "button", "cite", "code",
            "data", "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter",
            "noscript", "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
            "strong", "sub", "sup", "textarea", "time", "var", "wbr");
    private static final Set<String> TEXTISH = Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p",
            "pre", "table", "ul");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern COMMAS = Pattern.compile("[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]");
    private static final Pattern VIDEOS = Pattern.compile("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|"
            + "(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HASH_URL = Pattern.compile("^#.+");
    private static final Pattern HAS_CONTENT = Pattern.compile("\\S$");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");
    private static final Pattern AD_WORDS = Pattern.compile("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile("^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern B64_DATA_URL = Pattern.compile("^data:\\s*([^\\s;,]+)\\s*;\\s*base64\\s*,", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_EXT = Pattern.compile("\\.(jpg|jpeg|png|webp)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRCSET_VALUE = Pattern.compile("\\.(jpg|jpeg|png|webp)\\s+\\d");
    private static final Pattern SRC_VALUE = Pattern.compile("^\\s*\\S+\\.(jpg|jpeg|png|webp)\\S*\\s*$");

    /** What was found: the article element (detached), the byline seen in the page, the text direction. */
    record Result(Element content, String byline, String dir) {
    }

    private final Document doc;
    private final String title;
    private final boolean metadataHasByline;
    private int flags = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;
    private Map<Element, double[]> scores = new IdentityHashMap<>();
    private final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());
    private String byline;
    private String dir;

    private Readability(Document doc, String title, boolean metadataHasByline) {
        this.doc = doc;
        this.title = title == null ? "" : title;
        this.metadataHasByline = metadataHasByline;
    }

    /**
     * @param doc               a document this may change (a copy of the page)
     * @param title             the article title from the metadata, to drop a heading that repeats it
     * @param metadataHasByline true when the metadata already names the author (no byline hunt in the page)
     * @return the article, or null when the page has no text at all
     */
    static Result parse(Document doc, String title, boolean metadataHasByline) {
        Readability r = new Readability(doc, title, metadataHasByline);
        for (Element e : doc.select("script, noscript, style")) e.remove();
        Element body = doc.body();
        if (body == null) return null;
        r.replaceBrs(body);
        for (Element font : body.getElementsByTag("font")) font.tagName("span");
        Element content = r.grabArticle(body);
        return content == null ? null : new Result(content, r.byline, r.dir);
    }

    // ---- preparation ----

    private void replaceBrs(Element root) {
        for (Element br : root.getElementsByTag("br")) {
            if (br.parent() == null) continue;
            Node next = br.nextSibling();
            boolean replaced = false;
            while ((next = nextNode(next)) instanceof Element e && e.normalName().equals("br")) {
                replaced = true;
                Node sibling = next.nextSibling();
                next.remove();
                next = sibling;
            }
            if (!replaced) continue;
            Element p = new Element("p");
            br.replaceWith(p);
            next = p.nextSibling();
            while (next != null) {
                if (next instanceof Element e && e.normalName().equals("br")) {
                    Node after = nextNode(next.nextSibling());
                    if (after instanceof Element a && a.normalName().equals("br")) break;
                }
                if (!isPhrasing(next)) break;
                Node sibling = next.nextSibling();
                p.appendChild(next);
                next = sibling;
            }
            trimTrailingWhitespace(p);
            Element parent = p.parent();
            if (parent != null && parent.normalName().equals("p")) parent.tagName("div");
        }
    }

    /** The node itself or the next sibling that is not whitespace-only text. */
    private static Node nextNode(Node node) {
        Node next = node;
        while (next != null && !(next instanceof Element) && Text.jsTrim(textOf(next)).isEmpty()) next = next.nextSibling();
        return next;
    }

    private static void trimTrailingWhitespace(Element p) {
        while (p.childNodeSize() > 0 && isWhitespace(p.childNode(p.childNodeSize() - 1))) {
            p.childNode(p.childNodeSize() - 1).remove();
        }
    }

    // ---- the main pass ----

    private Element grabArticle(Element page) {
        String pageCache = page.html();
        List<Attempt> attempts = new ArrayList<>();
        while (true) {
            scores = new IdentityHashMap<>();
            boolean stripUnlikely = active(FLAG_STRIP_UNLIKELYS);
            List<Element> toScore = new ArrayList<>();
            Element node = doc.firstElementChild();
            boolean shouldRemoveTitleHeader = true;
            while (node != null) {
                String match = node.className() + " " + node.id();
                if (!Patterns.isProbablyVisible(node)) {
                    node = removeAndGetNext(node);
                    continue;
                }
                if (node.attr("aria-modal").equals("true") && node.attr("role").equals("dialog")) {
                    node = removeAndGetNext(node);
                    continue;
                }
                if (byline == null && !metadataHasByline && isValidByline(node, match)) {
                    byline = bylineText(node);
                    node = removeAndGetNext(node);
                    continue;
                }
                if (shouldRemoveTitleHeader && headerDuplicatesTitle(node)) {
                    shouldRemoveTitleHeader = false;
                    node = removeAndGetNext(node);
                    continue;
                }
                String tag = node.normalName();
                if (stripUnlikely) {
                    if (Patterns.UNLIKELY.matcher(match).find() && !Patterns.MAYBE.matcher(match).find()
                            && !hasAncestorTag(node, "table", 3, null) && !hasAncestorTag(node, "code", 3, null)
                            && !tag.equals("body") && !tag.equals("a")) {
                        node = removeAndGetNext(node);
                        continue;
                    }
                    if (UNLIKELY_ROLES.contains(node.attr("role"))) {
                        node = removeAndGetNext(node);
                        continue;
                    }
                }
                if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || HEADINGS.contains(tag))
                        && isElementWithoutContent(node)) {
                    node = removeAndGetNext(node);
                    continue;
                }
                if (TAGS_TO_SCORE.contains(tag)) toScore.add(node);
                if (tag.equals("div")) {
                    node = divToParagraphs(node, toScore);
                }
                node = nextElement(node, false);
            }

            List<Element> candidates = scoreParagraphs(toScore);
            List<Element> top = topCandidates(candidates);
            Element topCandidate = top.isEmpty() ? null : top.getFirst();
            boolean createdTopCandidate = false;
            Element parentOfTop;
            if (topCandidate == null || topCandidate.normalName().equals("body")) {
                topCandidate = new Element("div");
                createdTopCandidate = true;
                List<Node> children = new ArrayList<>(page.childNodes());
                for (Node child : children) topCandidate.appendChild(child);
                page.appendChild(topCandidate);
                initialize(topCandidate);
            } else {
                topCandidate = betterTopCandidate(topCandidate, top);
            }

            Element article = new Element("div");
            double siblingThreshold = Math.max(10, score(topCandidate) * 0.2);
            parentOfTop = topCandidate.parent();
            List<Element> siblings = new ArrayList<>(parentOfTop.children());
            for (Element sibling : siblings) {
                boolean append = false;
                if (sibling == topCandidate) {
                    append = true;
                } else {
                    double bonus = 0;
                    if (sibling.className().equals(topCandidate.className()) && !topCandidate.className().isEmpty()) {
                        bonus += score(topCandidate) * 0.2;
                    }
                    if (scores.containsKey(sibling) && score(sibling) + bonus >= siblingThreshold) {
                        append = true;
                    } else if (sibling.normalName().equals("p")) {
                        double linkDensity = linkDensity(sibling);
                        String text = innerText(sibling, true);
                        int length = text.length();
                        if (length > 80 && linkDensity < 0.25) {
                            append = true;
                        } else if (length < 80 && length > 0 && linkDensity == 0 && SENTENCE_END.matcher(text).find()) {
                            append = true;
                        }
                    }
                }
                if (append) {
                    if (!ALTER_TO_DIV_EXCEPTIONS.contains(sibling.normalName())) sibling.tagName("div");
                    article.appendChild(sibling);
                }
            }

            prepArticle(article);

            if (createdTopCandidate) {
                topCandidate.id("readability-page-1").addClass("page");
            } else {
                Element div = new Element("div").id("readability-page-1").addClass("page");
                List<Node> children = new ArrayList<>(article.childNodes());
                for (Node child : children) div.appendChild(child);
                article.appendChild(div);
            }

            int textLength = textLength(article);
            if (textLength < CHAR_THRESHOLD) {
                attempts.add(new Attempt(article, textLength));
                page.html(pageCache);
                if (active(FLAG_STRIP_UNLIKELYS)) {
                    flags &= ~FLAG_STRIP_UNLIKELYS;
                } else if (active(FLAG_WEIGHT_CLASSES)) {
                    flags &= ~FLAG_WEIGHT_CLASSES;
                } else if (active(FLAG_CLEAN_CONDITIONALLY)) {
                    flags &= ~FLAG_CLEAN_CONDITIONALLY;
                } else {
                    Attempt best = attempts.stream().max((a, b) -> Integer.compare(a.textLength, b.textLength)).orElseThrow();
                    if (best.textLength == 0) return null;
                    return best.content;
                }
                continue;
            }
            dir = direction(parentOfTop, topCandidate);
            return article;
        }
    }

    private record Attempt(Element content, int textLength) {
    }

    /** Wraps phrasing runs of a div in paragraphs and turns block-less divs into paragraphs. */
    private Element divToParagraphs(Element div, List<Element> toScore) {
        Element p = null;
        Node child = div.childNodeSize() > 0 ? div.childNode(0) : null;
        while (child != null) {
            Node nextSibling = child.nextSibling();
            if (isPhrasing(child)) {
                if (p != null) {
                    p.appendChild(child);
                } else if (!isWhitespace(child)) {
                    p = new Element("p");
                    child.replaceWith(p);
                    p.appendChild(child);
                }
            } else if (p != null) {
                trimTrailingWhitespace(p);
                p = null;
            }
            child = nextSibling;
        }
        if (hasSingleTagInside(div, "p") && linkDensity(div) < 0.25) {
            Element only = div.child(0);
            div.replaceWith(only);
            toScore.add(only);
            return only;
        }
        if (!hasChildBlockElement(div)) {
            div.tagName("p");
            toScore.add(div);
        }
        return div;
    }

    private List<Element> scoreParagraphs(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : toScore) {
            if (e.parent() == null || e.parent() instanceof Document) continue;
            String text = innerText(e, true);
            if (text.length() < 25) continue;
            List<Element> ancestors = ancestors(e, 5);
            if (ancestors.isEmpty()) continue;
            double score = 1 + COMMAS.split(text, -1).length + Math.min(Math.floor(text.length() / 100.0), 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element ancestor = ancestors.get(level);
                if (ancestor.parent() == null || ancestor.parent() instanceof Document) continue;
                if (!scores.containsKey(ancestor)) {
                    initialize(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.get(ancestor)[0] += score / divider;
            }
        }
        return candidates;
    }

    private List<Element> topCandidates(List<Element> candidates) {
        List<Element> top = new ArrayList<>();
        for (Element candidate : candidates) {
            double score = score(candidate) * (1 - linkDensity(candidate));
            scores.get(candidate)[0] = score;
            for (int t = 0; t < N_TOP_CANDIDATES; t++) {
                if (t >= top.size() || score > score(top.get(t))) {
                    top.add(t, candidate);
                    if (top.size() > N_TOP_CANDIDATES) top.removeLast();
                    break;
                }
            }
        }
        return top;
    }

    private Element betterTopCandidate(Element topCandidate, List<Element> top) {
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (score(top.get(i)) / score(topCandidate) >= 0.75) alternatives.add(ancestors(top.get(i), 0));
        }
        final int minimumTopCandidates = 3;
        if (alternatives.size() >= minimumTopCandidates) {
            Element parent = topCandidate.parent();
            while (parent != null && !parent.normalName().equals("body")) {
                int lists = 0;
                for (int i = 0; i < alternatives.size() && lists < minimumTopCandidates; i++) {
                    if (containsIdentity(alternatives.get(i), parent)) lists++;
                }
                if (lists >= minimumTopCandidates) {
                    topCandidate = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        if (!scores.containsKey(topCandidate)) initialize(topCandidate);

        Element parent = topCandidate.parent();
        double lastScore = score(topCandidate);
        double threshold = lastScore / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            if (!scores.containsKey(parent)) {
                parent = parent.parent();
                continue;
            }
            double parentScore = score(parent);
            if (parentScore < threshold) break;
            if (parentScore > lastScore) {
                topCandidate = parent;
                break;
            }
            lastScore = parentScore;
            parent = parent.parent();
        }

        parent = topCandidate.parent();
        while (parent != null && !parent.normalName().equals("body") && parent.childrenSize() == 1) {
            topCandidate = parent;
            parent = topCandidate.parent();
        }
        if (!scores.containsKey(topCandidate)) initialize(topCandidate);
        return topCandidate;
    }

    private static boolean containsIdentity(List<Element> list, Element e) {
        for (Element x : list) {
            if (x == e) return true;
        }
        return false;
    }

    private String direction(Element parentOfTop, Element topCandidate) {
        List<Element> chain = new ArrayList<>();
        if (parentOfTop != null) chain.add(parentOfTop);
        chain.add(topCandidate);
        if (parentOfTop != null) chain.addAll(ancestors(parentOfTop, 0));
        for (Element e : chain) {
            String d = e.attr("dir");
            if (!d.isEmpty()) return d;
        }
        return null;
    }

    // ---- cleaning the article ----

    private void prepArticle(Element article) {
        markDataTables(article);
        fixLazyImages(article);
        cleanConditionally(article, "form");
        cleanConditionally(article, "fieldset");
        clean(article, "object");
        clean(article, "embed");
        clean(article, "footer");
        clean(article, "link");
        clean(article, "aside");
        for (Element topCandidate : new ArrayList<>(article.children())) {
            cleanMatchedNodes(topCandidate, (node, match) -> SHARE.matcher(match).find()
                    && textOf(node).length() < CHAR_THRESHOLD);
        }
        clean(article, "iframe");
        clean(article, "input");
        clean(article, "textarea");
        clean(article, "select");
        clean(article, "button");
        for (Element h : descendants(article, Set.of("h1", "h2"))) {
            if (classWeight(h) < 0) h.remove();
        }
        cleanConditionally(article, "table");
        cleanConditionally(article, "ul");
        cleanConditionally(article, "div");
        for (Element h1 : descendants(article, Set.of("h1"))) h1.tagName("h2");
        removeNodes(descendants(article, Set.of("p")), p ->
                descendants(p, Set.of("img", "embed", "object", "iframe")).isEmpty() && Text.allWhitespace(p));
        for (Element br : descendants(article, Set.of("br"))) {
            Node next = nextNode(br.nextSibling());
            if (next instanceof Element e && e.normalName().equals("p")) br.remove();
        }
        for (Element table : descendants(article, Set.of("table"))) {
            if (table.parent() == null) continue;
            Element tbody = hasSingleTagInside(table, "tbody") ? table.firstElementChild() : table;
            if (tbody == null || !hasSingleTagInside(tbody, "tr")) continue;
            Element row = tbody.firstElementChild();
            if (row == null || !hasSingleTagInside(row, "td")) continue;
            Element cell = row.firstElementChild();
            boolean phrasing = cell.childNodes().stream().allMatch(Readability::isPhrasing);
            cell.tagName(phrasing ? "p" : "div");
            table.replaceWith(cell);
        }
    }

    private void markDataTables(Element root) {
        for (Element table : descendants(root, Set.of("table"))) {
            if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) continue;
            if (!table.attr("summary").isEmpty()) {
                dataTables.add(table);
                continue;
            }
            Element caption = table.selectFirst("caption");
            if (caption != null && caption.childNodeSize() > 0) {
                dataTables.add(table);
                continue;
            }
            if (!descendants(table, Set.of("col", "colgroup", "tfoot", "thead", "th")).isEmpty()) {
                dataTables.add(table);
                continue;
            }
            if (!descendants(table, Set.of("table")).isEmpty()) continue;
            int rows = 0;
            int columns = 0;
            for (Element tr : descendants(table, Set.of("tr"))) {
                rows += intAttr(tr, "rowspan");
                int rowColumns = 0;
                for (Element cell : tr.getElementsByTag("td")) rowColumns += intAttr(cell, "colspan");
                columns = Math.max(columns, rowColumns);
            }
            if (columns == 1 || rows == 1) continue;
            if (rows >= 10 || columns > 4 || rows * columns > 10) dataTables.add(table);
        }
    }

    private static int intAttr(Element e, String name) {
        try {
            return Math.max(1, Integer.parseInt(e.attr(name).strip()));
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    private static void fixLazyImages(Element root) {
        for (Element elem : descendants(root, Set.of("img", "picture", "figure"))) {
            String src = elem.attr("src");
            Matcher b64 = B64_DATA_URL.matcher(src);
            if (!src.isEmpty() && b64.find()) {
                if (b64.group(1).equals("image/svg+xml")) continue;
                boolean removable = false;
                for (Attribute a : elem.attributes()) {
                    if (!a.getKey().equals("src") && IMAGE_EXT.matcher(a.getValue()).find()) {
                        removable = true;
                        break;
                    }
                }
                if (removable && src.length() - b64.end() < 133) elem.removeAttr("src");
            }
            boolean hasSource = !elem.attr("src").isEmpty() || (!elem.attr("srcset").isEmpty() && !elem.attr("srcset").equals("null"));
            if (hasSource && !elem.className().toLowerCase(Locale.ROOT).contains("lazy")) continue;
            for (Attribute a : new ArrayList<>(elem.attributes().asList())) {
                String key = a.getKey();
                if (key.equals("src") || key.equals("srcset") || key.equals("alt")) continue;
                String copyTo = SRCSET_VALUE.matcher(a.getValue()).find() ? "srcset"
                        : SRC_VALUE.matcher(a.getValue()).find() ? "src" : null;
                if (copyTo == null) continue;
                String tag = elem.normalName();
                if (tag.equals("img") || tag.equals("picture")) {
                    elem.attr(copyTo, a.getValue());
                } else if (descendants(elem, Set.of("img", "picture")).isEmpty()) {
                    elem.appendChild(new Element("img").attr(copyTo, a.getValue()));
                }
            }
        }
    }

    private void clean(Element root, String tag) {
        boolean embed = tag.equals("object") || tag.equals("embed") || tag.equals("iframe");
        removeNodes(descendants(root, Set.of(tag)), e -> !(embed && isVideo(e)));
    }

    private static boolean isVideo(Element e) {
        for (Attribute a : e.attributes()) {
            if (VIDEOS.matcher(a.getValue()).find()) return true;
        }
        return e.normalName().equals("object") && VIDEOS.matcher(e.html()).find();
    }

    private void cleanMatchedNodes(Element e, BiPredicate<Element, String> filter) {
        Element end = nextElement(e, true);
        Element next = nextElement(e, false);
        while (next != null && next != end) {
            if (filter.test(next, next.className() + " " + next.id())) {
                next = removeAndGetNext(next);
            } else {
                next = nextElement(next, false);
            }
        }
    }

    private void cleanConditionally(Element root, String tag) {
        if (!active(FLAG_CLEAN_CONDITIONALLY)) return;
        removeNodes(descendants(root, Set.of(tag)), node -> shouldClean(node, tag));
    }

    private boolean shouldClean(Element node, String tag) {
        int contentLength = textLength(node);
        boolean isList = tag.equals("ul") || tag.equals("ol");
        if (!isList) {
            int listLength = 0;
            for (Element list : descendants(node, Set.of("ul", "ol"))) listLength += textLength(list);
            isList = contentLength > 0 && (double) listLength / contentLength > 0.9;
        }
        if (tag.equals("table") && dataTables.contains(node)) return false;
        if (hasAncestorTag(node, "table", -1, dataTables::contains)) return false;
        if (hasAncestorTag(node, "code", 3, null)) return false;
        for (Element t : descendants(node, Set.of("table"))) {
            if (dataTables.contains(t)) return false;
        }
        int weight = classWeight(node);
        if (weight < 0) return true;
        if (commas(node) >= 10) return false;

        int p = descendants(node, Set.of("p")).size();
        int img = descendants(node, Set.of("img")).size();
        int liCount = descendants(node, Set.of("li")).size();
        int li = liCount - 100;
        int input = descendants(node, Set.of("input")).size();
        double headingDensity = textDensity(node, HEADINGS);
        int embedCount = 0;
        for (Element embed : descendants(node, Set.of("object", "embed", "iframe"))) {
            if (isVideo(embed)) return false;
            embedCount++;
        }
        if (contentLength <= 20) {
            // only a short text can be nothing but an ad or loading label (both patterns are anchored)
            String text = innerText(node, true);
            if (AD_WORDS.matcher(text).find() || LOADING_WORDS.matcher(text).find()) return true;
        }
        double linkDensity = linkDensity(node);
        double textDensity = textDensity(node, TEXTISH);
        boolean figureChild = hasAncestorTag(node, "figure", 3, null);

        boolean remove = (!figureChild && img > 1 && (double) p / img < 0.5)
                || (!isList && li > p)
                || (input > Math.floor(p / 3.0))
                || (!isList && !figureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((embedCount == 1 && contentLength < 75) || embedCount > 1)
                || (img == 0 && textDensity == 0);
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) return true;
            }
            if (img == liCount) return false;
        }
        return remove;
    }

    // ---- helpers, as Readability.js has them ----

    private boolean active(int flag) {
        return (flags & flag) != 0;
    }

    private void initialize(Element e) {
        double score = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(e, new double[]{score + classWeight(e)});
    }

    private double score(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0];
    }

    private int classWeight(Element e) {
        if (!active(FLAG_WEIGHT_CLASSES)) return 0;
        int weight = 0;
        String cls = e.className();
        if (!cls.isEmpty()) {
            if (Patterns.NEGATIVE.matcher(cls).find()) weight -= 25;
            if (Patterns.POSITIVE.matcher(cls).find()) weight += 25;
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (Patterns.NEGATIVE.matcher(id).find()) weight -= 25;
            if (Patterns.POSITIVE.matcher(id).find()) weight += 25;
        }
        return weight;
    }

    private static double linkDensity(Element e) {
        int length = textLength(e);
        if (length == 0) return 0;
        double linkLength = 0;
        for (Element a : e.getElementsByTag("a")) {
            if (a == e) continue;
            double coefficient = HASH_URL.matcher(a.attr("href")).find() ? 0.3 : 1;
            linkLength += textLength(a) * coefficient;
        }
        return linkLength / length;
    }

    private static double textDensity(Element e, Set<String> tags) {
        int length = textLength(e);
        if (length == 0) return 0;
        int children = 0;
        for (Element child : descendants(e, tags)) children += textLength(child);
        return (double) children / length;
    }

    private boolean isValidByline(Element node, String match) {
        boolean looksLikeByline = node.attr("rel").equals("author") || node.attr("itemprop").contains("author")
                || Patterns.BYLINE.matcher(match).find();
        if (!looksLikeByline) return false;
        int length = Text.jsTrim(textOf(node)).length();
        return length > 0 && length < 100;
    }

    /** The byline's text, from an {@code itemprop=name} inside it when there is one. */
    private String bylineText(Element node) {
        Element end = nextElement(node, true);
        Element next = nextElement(node, false);
        while (next != null && next != end) {
            if (next.attr("itemprop").contains("name")) return Text.jsTrim(textOf(next));
            next = nextElement(next, false);
        }
        return Text.jsTrim(textOf(node));
    }

    private boolean headerDuplicatesTitle(Element node) {
        String tag = node.normalName();
        if (!tag.equals("h1") && !tag.equals("h2")) return false;
        return MetadataReader.similarity(title, innerText(node, false)) > 0.75;
    }

    private static boolean isElementWithoutContent(Element node) {
        if (!Text.allWhitespace(node)) return false;
        int children = node.childrenSize();
        if (children == 0) return true;
        return children == node.getElementsByTag("br").size() + node.getElementsByTag("hr").size();
    }

    private static boolean hasSingleTagInside(Element e, String tag) {
        if (e.childrenSize() != 1 || !e.child(0).normalName().equals(tag)) return false;
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && HAS_CONTENT.matcher(t.getWholeText()).find()) return false;
        }
        return true;
    }

    private static boolean hasChildBlockElement(Element e) {
        for (Element child : e.children()) {
            if (DIV_TO_P_ELEMS.contains(child.normalName()) || hasChildBlockElement(child)) return true;
        }
        return false;
    }

    private static boolean isPhrasing(Node node) {
        if (node instanceof TextNode) return true;
        if (!(node instanceof Element e)) return false;
        String tag = e.normalName();
        if (PHRASING.contains(tag)) return true;
        return (tag.equals("a") || tag.equals("del") || tag.equals("ins"))
                && e.childNodes().stream().allMatch(Readability::isPhrasing);
    }

    private static boolean isWhitespace(Node node) {
        if (node instanceof TextNode t) return Text.jsTrim(t.getWholeText()).isEmpty();
        return node instanceof Element e && e.normalName().equals("br");
    }

    private static boolean hasAncestorTag(Element node, String tag, int maxDepth, Predicate<Element> filter) {
        int depth = 0;
        for (Element parent = node.parent(); parent != null; parent = parent.parent()) {
            if (maxDepth > 0 && depth > maxDepth) return false;
            if (parent.normalName().equals(tag) && (filter == null || filter.test(parent))) return true;
            depth++;
        }
        return false;
    }

    private static List<Element> ancestors(Element e, int maxDepth) {
        List<Element> out = new ArrayList<>();
        int i = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p instanceof Document) break;
            out.add(p);
            if (maxDepth > 0 && ++i == maxDepth) break;
        }
        return out;
    }

    /** Descendants (not the element itself) with one of the tags, in document order. */
    private static List<Element> descendants(Element e, Set<String> tags) {
        List<Element> out = new ArrayList<>();
        for (Element d : e.getAllElements()) {
            if (d != e && tags.contains(d.normalName())) out.add(d);
        }
        return out;
    }

    /** Readability's _removeNodes: last to first, skipping nodes already detached. */
    private static void removeNodes(List<Element> nodes, Predicate<Element> filter) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node.parent() != null && filter.test(node)) node.remove();
        }
    }

    private static Element nextElement(Element node, boolean ignoreSelfAndKids) {
        if (!ignoreSelfAndKids && node.firstElementChild() != null) return node.firstElementChild();
        if (node.nextElementSibling() != null) return node.nextElementSibling();
        Element n = node;
        do {
            n = n.parent();
        } while (n != null && n.nextElementSibling() == null);
        return n == null ? null : n.nextElementSibling();
    }

    private static Element removeAndGetNext(Element node) {
        Element next = nextElement(node, true);
        node.remove();
        return next;
    }

    /** DOM textContent: all descendant text, as written. */
    static String textOf(Node node) {
        if (node instanceof TextNode t) return t.getWholeText();
        StringBuilder sb = new StringBuilder();
        appendText(node, sb);
        return sb.toString();
    }

    private static void appendText(Node node, StringBuilder sb) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                sb.append(t.getWholeText());
            } else if (child instanceof Element) {
                appendText(child, sb);
            }
        }
    }

    /**
     * {@code innerText(e, true).length()} without building the string: non-space characters plus one
     * for each whitespace run between them (a run of one stays one character, longer runs fold to one).
     */
    private static int textLength(Element e) {
        int[] state = new int[3]; // length, started (0/1), pending whitespace (0/1)
        countText(e, state);
        return state[0];
    }

    private static int commas(Node node) {
        int count = 0;
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) == ',') count++;
                }
            } else if (child instanceof Element) {
                count += commas(child);
            }
        }
        return count;
    }

    private static void countText(Node node, int[] state) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    if (Text.isJsSpace(s.charAt(i))) {
                        if (state[1] == 1) state[2] = 1;
                    } else {
                        state[0] += 1 + state[2];
                        state[1] = 1;
                        state[2] = 0;
                    }
                }
            } else if (child instanceof Element) {
                countText(child, state);
            }
        }
    }

    /** Readability's _getInnerText: trimmed text, runs of two or more spaces folded when asked. */
    private static String innerText(Element e, boolean normalize) {
        String text = Text.jsTrim(textOf(e));
        return normalize ? Text.foldRuns(text) : text;
    }
}
