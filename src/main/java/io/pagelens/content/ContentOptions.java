package io.pagelens.content;

import java.util.List;

/**
 * What part of a page the text formats (markdown, text, links) are made from.
 *
 * @param onlyMainContent keep the article, drop nav, footer, ads, banners and comments
 * @param includeTags     CSS selectors; when not empty, only matching elements are kept
 * @param excludeTags     CSS selectors removed before conversion
 * @param markdown        turndown-style Markdown options
 */
public record ContentOptions(boolean onlyMainContent, List<String> includeTags, List<String> excludeTags,
                             MarkdownOptions markdown) {
    public static final ContentOptions DEFAULTS = new ContentOptions(false, List.of(), List.of(), MarkdownOptions.DEFAULTS);

    public ContentOptions {
        includeTags = List.copyOf(includeTags == null ? List.of() : includeTags);
        excludeTags = List.copyOf(excludeTags == null ? List.of() : excludeTags);
        if (markdown == null) markdown = MarkdownOptions.DEFAULTS;
    }
}
