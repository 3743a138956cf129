package io.pagelens.content;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text helpers with JavaScript's idea of whitespace ({@code \s}: includes no-break and other Unicode
 * spaces), because the Markdown rules come from turndown and must treat the same characters as space.
 * Edge scans stop at the first non-space, so they stay cheap on large elements.
 */
final class Text {
    private static final Pattern ATTRIBUTE_NEWLINES = Pattern.compile("(\\n+\\s*)+");

    private Text() {
    }

    static boolean isJsSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                 '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static String jsTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isJsSpace(s.charAt(start))) start++;
        while (end > start && isJsSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    /** Whitespace folded to single spaces and trimmed. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isJsSpace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Runs of two or more whitespace characters become one space (Readability's {@code /\s{2,}/g}). */
    static String foldRuns(String s) {
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && isJsSpace(s.charAt(j))) j++;
            if (j - i >= 2) {
                if (out == null) out = new StringBuilder(s.length()).append(s, 0, i);
                out.append(' ');
                i = j;
            } else {
                if (out != null) out.append(s.charAt(i));
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** turndown's cleanAttribute: newlines and the blank lines after them fold to one newline. */
    static String cleanAttribute(String attribute) {
        return attribute == null ? "" : ATTRIBUTE_NEWLINES.matcher(attribute).replaceAll("\n");
    }

    static int asciiPrefix(String s) {
        int i = 0;
        while (i < s.length() && isAsciiSpace(s.charAt(i))) i++;
        return i;
    }

    static int asciiSuffix(String s) {
        int i = 0;
        while (i < s.length() && isAsciiSpace(s.charAt(s.length() - 1 - i))) i++;
        return i;
    }

    /** True when the element's text is only whitespace and it holds none of the given (void/meaningful) elements. */
    static boolean isBlankWithoutVoids(Element e, Set<String> voids, Set<String> meaningful) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                if (!jsTrim(t.getWholeText()).isEmpty()) return false;
            } else if (child instanceof Element c) {
                if (voids.contains(c.normalName()) || meaningful.contains(c.normalName())) return false;
                if (!isBlankWithoutVoids(c, voids, meaningful)) return false;
            }
        }
        return true;
    }

    static boolean allWhitespace(Node n) {
        if (n instanceof TextNode t) return jsTrim(t.getWholeText()).isEmpty();
        for (Node child : n.childNodes()) {
            if (!allWhitespace(child)) return false;
        }
        return true;
    }

    /** The whitespace that starts the node's text content (all of it when the text is only whitespace). */
    static String leadingWhitespace(Node n) {
        StringBuilder sb = new StringBuilder();
        edge(n, sb, true);
        return sb.toString();
    }

    static String trailingWhitespace(Node n) {
        StringBuilder sb = new StringBuilder();
        edge(n, sb, false);
        return sb.reverse().toString();
    }

    /** Appends edge whitespace; returns true once a non-space character ends the scan. */
    private static boolean edge(Node n, StringBuilder sb, boolean fromStart) {
        if (n instanceof TextNode t) {
            String s = t.getWholeText();
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(fromStart ? k : s.length() - 1 - k);
                if (!isJsSpace(c)) return true;
                sb.append(c);
            }
            return false;
        }
        int size = n.childNodeSize();
        for (int k = 0; k < size; k++) {
            if (edge(n.childNode(fromStart ? k : size - 1 - k), sb, fromStart)) return true;
        }
        return false;
    }

    static boolean startsWithSpace(Node n) {
        Character c = edgeChar(n, true);
        return c != null && c == ' ';
    }

    static boolean endsWithSpace(Node n) {
        Character c = edgeChar(n, false);
        return c != null && c == ' ';
    }

    private static Character edgeChar(Node n, boolean first) {
        if (n instanceof TextNode t) {
            String s = t.getWholeText();
            return s.isEmpty() ? null : s.charAt(first ? 0 : s.length() - 1);
        }
        int size = n.childNodeSize();
        for (int k = 0; k < size; k++) {
            Character c = edgeChar(n.childNode(first ? k : size - 1 - k), first);
            if (c != null) return c;
        }
        return null;
    }
}
