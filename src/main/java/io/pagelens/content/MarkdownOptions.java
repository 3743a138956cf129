package io.pagelens.content;

/**
 * HTML to Markdown options, named as turndown names them so users can carry settings over.
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
 */
public record MarkdownOptions(String headingStyle, String hr, String bulletListMarker, String codeBlockStyle,
                              String fence, String emDelimiter, String strongDelimiter, String linkStyle,
                              String linkReferenceStyle, String br) {
    public static final MarkdownOptions DEFAULTS =
            new MarkdownOptions("atx", "* * *", "-", "fenced", "```", "_", "**", "inlined", "full", "  ");
}
