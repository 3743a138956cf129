package io.pagelens.content;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Readable plain text of an element: whitespace folded as a browser renders it, a line break at
 * {@code <br>} and list items, a blank line between paragraphs and other blocks. Scripts, styles and
 * other non-text elements contribute nothing.
 */
final class PlainText {
    private static final Set<String> LINE = Set.of("li", "tr", "dt", "dd", "br", "option", "figcaption", "caption");
    private static final Set<String> PARAGRAPH = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "aside", "nav", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "form",
            "figure", "hr", "address", "fieldset", "details", "summary", "body");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "svg",
            "canvas", "iframe", "object", "select", "textarea", "button");

    private PlainText() {
    }

    static String of(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            int skipDepth = -1;
            int preDepth = 0;

            @Override
            public void head(Node node, int depth) {
                if (skipDepth >= 0) return;
                if (node instanceof TextNode t) {
                    appendText(out, t.getWholeText(), preDepth > 0);
                } else if (node instanceof Element e) {
                    String n = e.normalName();
                    if (SKIPPED.contains(n) && e != root) {
                        skipDepth = depth;
                    } else {
                        if (n.equals("pre")) preDepth++;
                        breakFor(out, n);
                        if (n.equals("td") || n.equals("th")) separateCell(out);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth >= 0) {
                    if (depth == skipDepth) skipDepth = -1;
                    return;
                }
                if (node instanceof Element e) {
                    if (e.normalName().equals("pre")) preDepth--;
                    if (!e.normalName().equals("br")) breakFor(out, e.normalName());
                }
            }
        });
        return tidy(out);
    }

    private static void appendText(StringBuilder out, String text, boolean pre) {
        if (pre) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Text.isAsciiSpace(c) || c == '\f') {
                if (!out.isEmpty() && !Text.isAsciiSpace(out.charAt(out.length() - 1))) out.append(' ');
            } else {
                out.append(c);
            }
        }
    }

    private static void breakFor(StringBuilder out, String name) {
        if (PARAGRAPH.contains(name)) {
            newline(out, 2);
        } else if (LINE.contains(name)) {
            newline(out, 1);
        }
    }

    private static void separateCell(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\t') {
            trimSpace(out);
            out.append('\t');
        }
    }

    private static void newline(StringBuilder out, int count) {
        trimSpace(out);
        if (out.isEmpty()) return;
        int have = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) have++;
        for (int i = have; i < count; i++) out.append('\n');
    }

    private static void trimSpace(StringBuilder out) {
        while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
        }
    }

    private static String tidy(StringBuilder out) {
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
