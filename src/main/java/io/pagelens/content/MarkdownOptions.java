package io.pagelens.content;

import java.util.Locale;
import java.util.Set;

/**
 * HTML to Markdown options, named as turndown names them so users can carry settings over.
 * The canonical constructor validates every field and names the one that is wrong.
 *
 * @param headingStyle       {@code atx} (default) or {@code setext}
 * @param hr                 thematic break, default {@code * * *}
 * @param bulletListMarker   {@code *}, {@code -} (default) or {@code +}
 * @param codeBlockStyle     {@code fenced} (default) or {@code indented}
 * @param fence              {@code ```} (default) or {@code ~~~}
 * @param emDelimiter        {@code _} (default) or {@code *}
 * @param strongDelimiter    {@code **} (default) or {@code __}
 * @param linkStyle          {@code inlined} (default) or {@code referenced}
 * @param linkReferenceStyle {@code full} (default), {@code collapsed} or {@code shortcut}
 * @param br                 what a hard line break becomes before its newline, default two spaces
 * @param preformattedCode   keep whitespace inside inline {@code <code>} as written (turndown's option), default false
 */
public record MarkdownOptions(String headingStyle, String hr, String bulletListMarker, String codeBlockStyle,
                              String fence, String emDelimiter, String strongDelimiter, String linkStyle,
                              String linkReferenceStyle, String br, boolean preformattedCode) {
    /** pagelens defaults: ATX headings, {@code -} bullets and fenced code, as LLM pipelines expect. */
    public static final MarkdownOptions DEFAULTS =
            new MarkdownOptions("atx", "* * *", "-", "fenced", "```", "_", "**", "inlined", "full", "  ");
    /** turndown's own defaults (setext headings, {@code *} bullets, indented code); used to score against its suite. */
    public static final MarkdownOptions TURNDOWN =
            new MarkdownOptions("setext", "* * *", "*", "indented", "```", "_", "**", "inlined", "full", "  ");

    public MarkdownOptions {
        headingStyle = oneOf("headingStyle", headingStyle, Set.of("atx", "setext"));
        hr = notBlank("hr", hr);
        bulletListMarker = oneOf("bulletListMarker", bulletListMarker, Set.of("*", "-", "+"));
        codeBlockStyle = oneOf("codeBlockStyle", codeBlockStyle, Set.of("fenced", "indented"));
        fence = oneOf("fence", fence, Set.of("```", "~~~"));
        emDelimiter = oneOf("emDelimiter", emDelimiter, Set.of("_", "*"));
        strongDelimiter = oneOf("strongDelimiter", strongDelimiter, Set.of("**", "__"));
        linkStyle = oneOf("linkStyle", linkStyle, Set.of("inlined", "referenced"));
        linkReferenceStyle = oneOf("linkReferenceStyle", linkReferenceStyle, Set.of("full", "collapsed", "shortcut"));
        if (br == null) throw new IllegalArgumentException("br: must not be null");
    }

    /** The options without {@code preformattedCode} (false), as first published. */
    public MarkdownOptions(String headingStyle, String hr, String bulletListMarker, String codeBlockStyle,
                           String fence, String emDelimiter, String strongDelimiter, String linkStyle,
                           String linkReferenceStyle, String br) {
        this(headingStyle, hr, bulletListMarker, codeBlockStyle, fence, emDelimiter, strongDelimiter, linkStyle,
                linkReferenceStyle, br, false);
    }

    /**
     * A copy with one option changed, by its turndown name (as in turndown's options object or a CLI flag).
     *
     * @throws IllegalArgumentException naming the option when the name is unknown or the value invalid
     */
    public MarkdownOptions with(String name, String value) {
        return new Builder(this).set(name, value).build();
    }

    /** Sets options by turndown name; {@link #build()} validates. */
    private static final class Builder {
        private String headingStyle;
        private String hr;
        private String bulletListMarker;
        private String codeBlockStyle;
        private String fence;
        private String emDelimiter;
        private String strongDelimiter;
        private String linkStyle;
        private String linkReferenceStyle;
        private String br;
        private boolean preformattedCode;

        Builder(MarkdownOptions from) {
            headingStyle = from.headingStyle;
            hr = from.hr;
            bulletListMarker = from.bulletListMarker;
            codeBlockStyle = from.codeBlockStyle;
            fence = from.fence;
            emDelimiter = from.emDelimiter;
            strongDelimiter = from.strongDelimiter;
            linkStyle = from.linkStyle;
            linkReferenceStyle = from.linkReferenceStyle;
            br = from.br;
            preformattedCode = from.preformattedCode;
        }

        Builder set(String name, String value) {
            switch (name) {
                case "headingStyle" -> headingStyle = value;
                case "hr" -> hr = value;
                case "bulletListMarker" -> bulletListMarker = value;
                case "codeBlockStyle" -> codeBlockStyle = value;
                case "fence" -> fence = value;
                case "emDelimiter" -> emDelimiter = value;
                case "strongDelimiter" -> strongDelimiter = value;
                case "linkStyle" -> linkStyle = value;
                case "linkReferenceStyle" -> linkReferenceStyle = value;
                case "br" -> br = value;
                case "preformattedCode" -> preformattedCode = parseBoolean(name, value);
                default -> throw new IllegalArgumentException(name + ": unknown Markdown option (expected one of "
                        + "headingStyle, hr, bulletListMarker, codeBlockStyle, fence, emDelimiter, strongDelimiter, "
                        + "linkStyle, linkReferenceStyle, br, preformattedCode)");
            }
            return this;
        }

        MarkdownOptions build() {
            return new MarkdownOptions(headingStyle, hr, bulletListMarker, codeBlockStyle, fence, emDelimiter,
                    strongDelimiter, linkStyle, linkReferenceStyle, br, preformattedCode);
        }
    }

    private static String oneOf(String field, String value, Set<String> allowed) {
        if (value == null) throw new IllegalArgumentException(field + ": must not be null");
        String v = value.strip();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) return a;
        }
        throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + allowed.stream().sorted().toList());
    }

    private static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": must not be blank");
        return value;
    }

    private static boolean parseBoolean(String field, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(field + ": '" + value + "' is not true or false");
        };
    }
}
