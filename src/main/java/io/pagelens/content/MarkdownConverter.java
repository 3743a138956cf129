package io.pagelens.content;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML to Markdown on jsoup, following turndown's rules (CommonMark rules plus turndown-plugin-gfm's
 * tables, strikethrough and task lists).
 *
 * <p>Why not flexmark-html2md-converter: on the shared turndown suite (103 cases) flexmark 0.64.8 with
 * default settings matched 43 (42%), this class 102 (99%). Setext underlines, list spacing, escaping
 * and whitespace flanking all differ, so wrapping it would have meant rewriting most of its output. Differences
 * from turndown, on purpose, for scraped pages: every table becomes a GFM table (the first row is the
 * header when none is marked), links with no text are dropped, a multi-line {@code <pre>} without
 * {@code <code>} is a code block, and script/style/template-like elements are skipped.
 *
 * <p>Thread-safe: all per-call state lives in a {@link Conversion}. {@link #convert} normalises
 * whitespace in the text nodes of the element it is given, as turndown does on its own copy; pass a
 * copy if the caller still needs the original text.
 */
public final class MarkdownConverter {
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "audio", "blockquote", "body",
            "canvas", "center", "dd", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "isindex", "li", "main",
            "menu", "nav", "noframes", "noscript", "ol", "output", "p", "pre", "section", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "ul");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "command", "embed", "hr", "img",
            "input", "keygen", "link", "meta", "param", "source", "track", "wbr");
    private static final Set<String> MEANINGFUL_WHEN_BLANK = Set.of("a", "table", "thead", "tbody", "tfoot", "th",
            "td", "iframe", "script", "audio", "video");
    /** Never part of the text: skipped before conversion. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head", "title",
            "meta", "link", "base", "svg", "canvas", "iframe", "object", "embed", "select", "option",
            "textarea", "button", "dialog", "slot");

    private static final Pattern[] ESCAPE_PATTERNS = {
            Pattern.compile("\\\\"), Pattern.compile("\\*"), Pattern.compile("^-"), Pattern.compile("^\\+ "),
            Pattern.compile("^(=+)"), Pattern.compile("^(#{1,6}) "), Pattern.compile("`"), Pattern.compile("^~~~"),
            Pattern.compile("\\["), Pattern.compile("\\]"), Pattern.compile("^>"), Pattern.compile("_"),
            Pattern.compile("^(\\d+)\\. ")};
    private static final String[] ESCAPE_REPLACEMENTS = {
            "\\\\\\\\", "\\\\*", "\\\\-", "\\\\+ ", "\\\\$1", "\\\\$1 ", "\\\\`", "\\\\~~~", "\\\\[", "\\\\]",
            "\\\\>", "\\\\_", "$1\\\\. "};
    private static final Pattern EDGE_NEWLINES = Pattern.compile("^\\n+|\\n+\\z");
    private static final Pattern LEADING_NEWLINES = Pattern.compile("^\\n+");
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("\\n+\\z");
    private static final Pattern LINE_START = Pattern.compile("(?m)^");
    private static final Pattern CELL_NEWLINES = Pattern.compile("\\s*\\n+\\s*");
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern HEADING_LINE = Pattern.compile("^(#{1,6} )(.+)$");
    /** Lines a block link leaves alone: list items, quotes, table rows, fences, indented code, setext underlines. */
    private static final Pattern STRUCTURAL_LINE = Pattern.compile("^(\\s*([-*+]|\\d+\\.)\\s|>|\\||```|~~~| {4}|[=-]+\\s*$)");
    private static final Pattern HEADING_BREAK = Pattern.compile(" *\\\\?\\n+ *");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n|\\r");
    /** Characters any escape rule looks at; text without them (and not starting with a digit) is returned as is. */
    private static final String ESCAPE_TRIGGERS = "\\*-+=#`~[]>_";
    private static final Pattern LANGUAGE = Pattern.compile("(?:language|lang|highlight-source)-(\\S+)");
    private static final Pattern FENCE_RUN_BACKTICK = Pattern.compile("(?m)^`{3,}");
    private static final Pattern FENCE_RUN_TILDE = Pattern.compile("(?m)^~{3,}");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern CODE_NEEDS_SPACE = Pattern.compile("^`|^ .*?[^ ].* $|`$", Pattern.DOTALL);

    private final MarkdownOptions options;

    public MarkdownConverter(MarkdownOptions options) {
        this.options = options == null ? MarkdownOptions.DEFAULTS : options;
    }

    public MarkdownOptions options() {
        return options;
    }

    /**
     * Converts an element's content. Relative {@code href}/{@code src} are made absolute against the
     * element's base URI when it has one (jsoup's {@code absUrl}), else kept as written.
     */
    public String convert(Element root) {
        for (Element e : new ArrayList<>(root.getAllElements())) {
            if (e != root && SKIPPED.contains(e.normalName()) && e.parent() != null) e.remove();
        }
        Whitespace.collapse(root, options.preformattedCode());
        Conversion c = new Conversion();
        String out = c.children(root, false);
        if (!c.references.isEmpty()) out = join(out, "\n\n" + String.join("\n", c.references) + "\n\n");
        return trimOutput(out);
    }

    /** One conversion's state: reference-style links collected for the end of the document. */
    private final class Conversion {
        final List<String> references = new ArrayList<>();

        String children(Element parent, boolean inCode) {
            StringBuilder out = new StringBuilder();
            for (Node child : parent.childNodes()) {
                String replacement = "";
                if (child instanceof TextNode t) {
                    replacement = inCode ? t.getWholeText() : escape(t.getWholeText());
                } else if (child instanceof Element e) {
                    replacement = element(e, inCode);
                }
                join(out, replacement);
            }
            return out.toString();
        }

        String element(Element e, boolean inCode) {
            String name = e.normalName();
            Flank flank = flank(e);
            if (isBlank(e)) return flank.leading + (isBlock(e) ? "\n\n" : "") + flank.trailing;
            boolean code = inCode || name.equals("code");
            String content = isCodeBlock(e) || name.equals("table") ? "" : children(e, code);
            if (!flank.leading.isEmpty() || !flank.trailing.isEmpty()) content = Text.jsTrim(content);
            return flank.leading + replace(e, name, content) + flank.trailing;
        }

        String replace(Element e, String name, String content) {
            switch (name) {
                case "p":
                    return "\n\n" + content + "\n\n";
                case "br":
                    return options.br() + "\n";
                case "h1", "h2", "h3", "h4", "h5", "h6":
                    return heading(name.charAt(1) - '0', content);
                case "blockquote":
                    content = LINE_START.matcher(EDGE_NEWLINES.matcher(content).replaceAll("")).replaceAll("> ");
                    return "\n\n" + content + "\n\n";
                case "ul", "ol":
                    Element parent = e.parent();
                    if (parent != null && parent.normalName().equals("li") && parent.lastElementChild() == e) {
                        return "\n" + content;
                    }
                    return "\n\n" + content + "\n\n";
                case "li":
                    return listItem(e, content);
                case "hr":
                    return "\n\n" + options.hr() + "\n\n";
                case "a":
                    return link(e, content);
                case "em", "i":
                    return Text.jsTrim(content).isEmpty() ? "" : options.emDelimiter() + content + options.emDelimiter();
                case "strong", "b":
                    return Text.jsTrim(content).isEmpty() ? "" : options.strongDelimiter() + content + options.strongDelimiter();
                case "del", "s", "strike":
                    return Text.jsTrim(content).isEmpty() ? "" : "~~" + content + "~~";
                case "code":
                    return isCodeBlock(e.parent()) ? content : codeSpan(content);
                case "img":
                    return image(e);
                case "input":
                    return checkbox(e);
                case "table":
                    return new Tables(this).table(e);
                case "pre":
                    if (isCodeBlock(e)) return codeBlock(e);
                    return "\n\n" + content + "\n\n";
                default:
                    return isBlock(e) ? "\n\n" + content + "\n\n" : content;
            }
        }

        private String heading(int level, String content) {
            // a Markdown heading is one line: line breaks inside the HTML heading become spaces
            content = HEADING_BREAK.matcher(content).replaceAll(" ");
            if (options.headingStyle().equals("setext") && level < 3) {
                String underline = String.valueOf(level == 1 ? '=' : '-').repeat(content.length());
                return "\n\n" + content + "\n" + underline + "\n\n";
            }
            return "\n\n" + "#".repeat(level) + " " + content + "\n\n";
        }

        private String listItem(Element li, String content) {
            String prefix = options.bulletListMarker() + "   ";
            Element parent = li.parent();
            if (parent != null && parent.normalName().equals("ol")) {
                int index = li.elementSiblingIndex();
                prefix = (startOf(parent) + index) + ".  ";
            }
            content = TRAILING_NEWLINES.matcher(LEADING_NEWLINES.matcher(content).replaceAll("")).replaceAll("\n")
                    .replace("\n", "\n" + " ".repeat(prefix.length()));
            boolean more = li.nextSibling() != null && !content.endsWith("\n");
            return prefix + content + (more ? "\n" : "");
        }

        private static int startOf(Element ol) {
            try {
                return ol.hasAttr("start") ? Integer.parseInt(ol.attr("start").strip()) : 1;
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private String link(Element a, String content) {
            if (!a.hasAttr("href") || a.attr("href").isEmpty()) return content;
            if (Text.jsTrim(content).isEmpty()) return "";
            String href = destination(url(a, "href"));
            String title = Text.cleanAttribute(a.attr("title"));
            String titlePart = title.isEmpty() ? "" : " \"" + title.replace("\"", "\\\"") + "\"";
            if (content.contains("\n\n") && options.linkStyle().equals("inlined")) {
                return blockLink(content, href + titlePart);
            }
            if (options.linkStyle().equals("inlined")) return "[" + content + "](" + href + titlePart + ")";
            return switch (options.linkReferenceStyle()) {
                case "collapsed" -> {
                    references.add("[" + content + "]: " + href + titlePart);
                    yield "[" + content + "][]";
                }
                case "shortcut" -> {
                    references.add("[" + content + "]: " + href + titlePart);
                    yield "[" + content + "]";
                }
                default -> {
                    int id = references.size() + 1;
                    references.add("[" + id + "]: " + href + titlePart);
                    yield "[" + content + "][" + id + "]";
                }
            };
        }

        /**
         * A link around blocks (a card: heading, teaser, image) cannot be one Markdown link; each
         * heading or paragraph line links instead. Lists, quotes, tables and code are left as they are.
         */
        private String blockLink(String content, String target) {
            StringBuilder out = new StringBuilder();
            for (String line : content.split("\n", -1)) {
                if (!out.isEmpty()) out.append('\n');
                Matcher heading = HEADING_LINE.matcher(line);
                if (line.isBlank() || STRUCTURAL_LINE.matcher(line).find()) {
                    out.append(line);
                } else if (heading.find()) {
                    out.append(heading.group(1)).append('[').append(heading.group(2)).append("](").append(target).append(')');
                } else {
                    out.append('[').append(line).append("](").append(target).append(')');
                }
            }
            return out.toString();
        }

        private String image(Element img) {
            String src = url(img, "src");
            if (src.isEmpty()) return "";
            String alt = Text.cleanAttribute(img.attr("alt"));
            String title = Text.cleanAttribute(img.attr("title"));
            String titlePart = title.isEmpty() ? "" : " \"" + title.replace("\"", "\\\"") + "\"";
            return "![" + alt + "](" + destination(src) + titlePart + ")";
        }

        private String checkbox(Element input) {
            if (!input.attr("type").equalsIgnoreCase("checkbox")) return "";
            Element parent = input.parent();
            if (parent == null || !parent.normalName().equals("li")) return "";
            // the label's own leading space (kept after a void element) separates it already
            boolean spaced = input.nextSibling() instanceof TextNode t && t.getWholeText().startsWith(" ");
            return (input.hasAttr("checked") ? "[x]" : "[ ]") + (spaced ? "" : " ");
        }

        private String codeBlock(Element pre) {
            Element code = pre.childNodeSize() > 0 && pre.childNode(0) instanceof Element c && c.normalName().equals("code")
                    ? c : null;
            String text = code != null ? code.wholeText() : pre.wholeText();
            if (options.codeBlockStyle().equals("indented")) {
                return "\n\n    " + text.replace("\n", "\n    ") + "\n\n";
            }
            String language = language(code != null ? code : pre);
            if (language.isEmpty() && code != null) language = language(pre);
            if (language.isEmpty() && pre.parent() != null) language = language(pre.parent());
            char fenceChar = options.fence().charAt(0);
            int size = 3;
            Matcher m = (fenceChar == '`' ? FENCE_RUN_BACKTICK : FENCE_RUN_TILDE).matcher(text);
            while (m.find()) {
                if (m.group().length() >= size) size = m.group().length() + 1;
            }
            String fence = String.valueOf(fenceChar).repeat(size);
            return "\n\n" + fence + language + "\n" + (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text) + "\n" + fence + "\n\n";
        }
    }

    /** turndown-plugin-gfm tables, made to always yield a GFM table. */
    private final class Tables {
        private final Conversion conversion;

        Tables(Conversion conversion) {
            this.conversion = conversion;
        }

        String table(Element table) {
            List<Element> rows = rows(table);
            List<List<String>> cells = new ArrayList<>();
            List<String> aligns = new ArrayList<>();
            int columns = 0;
            for (Element row : rows) {
                List<String> line = new ArrayList<>();
                for (Element cell : row.children()) {
                    String n = cell.normalName();
                    if (!n.equals("td") && !n.equals("th")) continue;
                    if (cells.isEmpty()) aligns.add(cell.attr("align").toLowerCase(Locale.ROOT));
                    line.add(cell(conversion.children(cell, false)));
                    int span = colspan(cell);
                    for (int i = 1; i < span; i++) {
                        line.add("");
                        if (cells.isEmpty()) aligns.add("");
                    }
                }
                if (line.isEmpty()) continue;
                columns = Math.max(columns, line.size());
                cells.add(line);
            }
            if (cells.isEmpty()) return "";
            if (columns == 1) return layoutTable(cells);
            StringBuilder out = new StringBuilder("\n\n");
            for (int r = 0; r < cells.size(); r++) {
                out.append(row(cells.get(r), columns));
                if (r == 0) {
                    List<String> border = new ArrayList<>();
                    for (int i = 0; i < columns; i++) {
                        String align = i < aligns.size() ? aligns.get(i) : "";
                        border.add(switch (align) {
                            case "left" -> ":--";
                            case "right" -> "--:";
                            case "center" -> ":-:";
                            default -> "---";
                        });
                    }
                    out.append('\n').append(row(border, columns));
                }
                out.append('\n');
            }
            return out.append('\n').toString();
        }

        /** A one-column table is page layout, not data: its cells become blocks. */
        private String layoutTable(List<List<String>> cells) {
            StringBuilder out = new StringBuilder();
            for (List<String> line : cells) join(out, "\n\n" + line.getFirst() + "\n\n");
            return out.toString();
        }

        private static String row(List<String> cells, int columns) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < columns; i++) {
                line.append(' ').append(i < cells.size() ? cells.get(i) : "").append(" |");
            }
            return line.toString();
        }

        private static String cell(String content) {
            String flat = Text.jsTrim(CELL_NEWLINES.matcher(content).replaceAll(" "));
            return UNESCAPED_PIPE.matcher(flat).replaceAll("\\\\|");
        }

        private static int colspan(Element cell) {
            try {
                int span = Integer.parseInt(cell.attr("colspan").strip());
                return Math.clamp(span, 1, 50);
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** The table's own rows in order, not those of tables nested in its cells. */
        private static List<Element> rows(Element table) {
            List<Element> rows = new ArrayList<>();
            for (Element child : table.children()) {
                switch (child.normalName()) {
                    case "tr" -> rows.add(child);
                    case "thead", "tbody", "tfoot" -> {
                        for (Element tr : child.children()) {
                            if (tr.normalName().equals("tr")) rows.add(tr);
                        }
                    }
                    default -> {
                    }
                }
            }
            return rows;
        }
    }

    private String url(Element e, String attr) {
        String raw = e.attr(attr).strip();
        if (raw.isEmpty() || e.baseUri().isEmpty()) return raw;
        String abs = e.absUrl(attr);
        return abs.isEmpty() ? raw : abs;
    }

    /** A link destination as CommonMark reads it: angle brackets around spaces, parentheses escaped otherwise. */
    private static String destination(String url) {
        if (url.indexOf(' ') >= 0) return "<" + url.replace("<", "\\<").replace(">", "\\>") + ">";
        return url.replace("(", "\\(").replace(")", "\\)");
    }

    private static String language(Element e) {
        Matcher m = LANGUAGE.matcher(e.className());
        return m.find() ? m.group(1) : "";
    }

    private static String codeSpan(String content) {
        if (content.isEmpty()) return "";
        content = LINE_BREAK.matcher(content).replaceAll(" ");
        String extraSpace = CODE_NEEDS_SPACE.matcher(content).find() ? " " : "";
        String delimiter = "`";
        List<String> runs = new ArrayList<>();
        Matcher m = BACKTICKS.matcher(content);
        while (m.find()) runs.add(m.group());
        while (runs.contains(delimiter)) delimiter += "`";
        return delimiter + extraSpace + content + extraSpace + delimiter;
    }

    /** turndown's code-block test: a {@code <pre>} whose first child is {@code <code>}, or multi-line text. */
    private static boolean isCodeBlock(Element e) {
        if (e == null || !e.normalName().equals("pre")) return false;
        if (e.childNodeSize() > 0 && e.childNode(0) instanceof Element c && c.normalName().equals("code")) return true;
        return e.children().isEmpty() && e.wholeText().strip().contains("\n");
    }

    static boolean isBlock(Element e) {
        return BLOCK.contains(e.normalName());
    }

    private boolean isBlank(Element e) {
        String n = e.normalName();
        if (VOID.contains(n) || MEANINGFUL_WHEN_BLANK.contains(n)) return false;
        return Text.isBlankWithoutVoids(e, VOID, MEANINGFUL_WHEN_BLANK);
    }

    private record Flank(String leading, String trailing) {
        static final Flank NONE = new Flank("", "");
    }

    /** turndown's flankingWhitespace: inline elements move their edge whitespace outside the markup. */
    private Flank flank(Element e) {
        if (isBlock(e) || (options.preformattedCode() && e.normalName().equals("code"))) return Flank.NONE;
        String leading = Text.leadingWhitespace(e);
        String trailing = Text.allWhitespace(e) ? "" : Text.trailingWhitespace(e);
        if (leading.isEmpty() && trailing.isEmpty()) return Flank.NONE;
        int asciiLead = Text.asciiPrefix(leading);
        if (asciiLead > 0 && flankedBy(e, true)) leading = leading.substring(asciiLead);
        int asciiTrail = Text.asciiSuffix(trailing);
        if (asciiTrail > 0 && flankedBy(e, false)) trailing = trailing.substring(0, trailing.length() - asciiTrail);
        return new Flank(leading, trailing);
    }

    private boolean flankedBy(Element e, boolean left) {
        Node sibling = left ? e.previousSibling() : e.nextSibling();
        if (sibling instanceof TextNode t) {
            String s = t.getWholeText();
            return left ? s.endsWith(" ") : s.startsWith(" ");
        }
        if (sibling instanceof Element s) {
            if (options.preformattedCode() && s.normalName().equals("code")) return false;
            if (isBlock(s)) return false;
            return left ? Text.endsWithSpace(s) : Text.startsWithSpace(s);
        }
        return false;
    }

    static String escape(String text) {
        if (!needsEscape(text)) return text;
        String s = text;
        for (int i = 0; i < ESCAPE_PATTERNS.length; i++) {
            s = ESCAPE_PATTERNS[i].matcher(s).replaceAll(ESCAPE_REPLACEMENTS[i]);
        }
        return s;
    }

    private static boolean needsEscape(String text) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0))) return true;
        for (int i = 0; i < text.length(); i++) {
            if (ESCAPE_TRIGGERS.indexOf(text.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /** turndown's join: the larger of the two newline runs at the seam, at most two. */
    static String join(String output, String replacement) {
        StringBuilder sb = new StringBuilder(output);
        join(sb, replacement);
        return sb.toString();
    }

    static void join(StringBuilder out, String replacement) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        int trailing = out.length() - end;
        int start = 0;
        while (start < replacement.length() && replacement.charAt(start) == '\n') start++;
        int newlines = Math.min(2, Math.max(trailing, start));
        out.setLength(end);
        out.append("\n".repeat(newlines)).append(replacement, start, replacement.length());
    }

    private static String trimOutput(String out) {
        int start = 0;
        while (start < out.length() && "\t\r\n".indexOf(out.charAt(start)) >= 0) start++;
        int end = out.length();
        while (end > start && (Text.isJsSpace(out.charAt(end - 1)))) end--;
        return out.substring(start, end);
    }
}
