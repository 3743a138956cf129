package io.pagelens.content;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.regex.Pattern;

/**
 * turndown's collapse-whitespace step: folds runs of ASCII whitespace in text nodes to one space and
 * drops the spaces a browser would not render (at block edges, after a space, around {@code <br>}).
 * Text inside {@code <pre>} (and inline {@code <code>} with preformattedCode) is left alone. Comments go.
 * Iterative, so deep documents cannot overflow the stack.
 */
final class Whitespace {
    private static final Pattern ASCII_SPACE_RUN = Pattern.compile("[ \\r\\n\\t]+");

    private Whitespace() {
    }

    static void collapse(Element root, boolean preformattedCode) {
        if (root.childNodeSize() == 0 || isPre(root, preformattedCode)) return;
        TextNode prevText = null;
        boolean keepLeadingWs = false;
        Node prev = null;
        Node node = next(null, root, root, preformattedCode);
        while (node != root && node != null) {
            if (node instanceof TextNode t) {
                String text = ASCII_SPACE_RUN.matcher(t.getWholeText()).replaceAll(" ");
                if ((prevText == null || prevText.getWholeText().endsWith(" ")) && !keepLeadingWs
                        && text.startsWith(" ")) {
                    text = text.substring(1);
                }
                if (text.isEmpty()) {
                    node = remove(node);
                    continue;
                }
                t.text(text);
                prevText = t;
            } else if (node instanceof Element e) {
                if (MarkdownConverter.isBlock(e) || e.normalName().equals("br")) {
                    if (prevText != null) trimTrailingSpace(prevText);
                    prevText = null;
                    keepLeadingWs = false;
                } else if (isVoid(e) || isPre(e, preformattedCode)) {
                    prevText = null;
                    keepLeadingWs = true;
                } else if (prevText != null) {
                    keepLeadingWs = false;
                }
            } else {
                node = remove(node);
                continue;
            }
            Node nextNode = next(prev, node, root, preformattedCode);
            prev = node;
            node = nextNode;
        }
        if (prevText != null) {
            trimTrailingSpace(prevText);
            if (prevText.getWholeText().isEmpty()) prevText.remove();
        }
    }

    private static void trimTrailingSpace(TextNode t) {
        String s = t.getWholeText();
        if (s.endsWith(" ")) t.text(s.substring(0, s.length() - 1));
    }

    private static Node remove(Node node) {
        Node next = node.nextSibling() != null ? node.nextSibling() : node.parent();
        node.remove();
        return next;
    }

    private static Node next(Node prev, Node current, Node root, boolean preformattedCode) {
        if ((prev != null && prev.parent() == current) || (current != root && isPre(current, preformattedCode))) {
            return current.nextSibling() != null ? current.nextSibling() : current.parent();
        }
        if (current.childNodeSize() > 0) return current.childNode(0);
        return current.nextSibling() != null ? current.nextSibling() : current.parent();
    }

    private static boolean isPre(Node n, boolean preformattedCode) {
        if (!(n instanceof Element e)) return false;
        String name = e.normalName();
        return name.equals("pre") || (preformattedCode && name.equals("code"));
    }

    private static boolean isVoid(Element e) {
        return switch (e.normalName()) {
            case "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link", "meta",
                 "param", "source", "track", "wbr" -> true;
            default -> false;
        };
    }
}
