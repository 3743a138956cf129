package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.content.ContentOptions;
import io.pagelens.content.MarkdownOptions;
import io.pagelens.json.Jackson;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content options shared by {@code pagelens markdown} and {@code pagelens capture} (a picocli mixin):
 * main content only, include/exclude selectors, and turndown's Markdown options as kebab-case flags.
 */
public final class ContentFlags {
    @Option(names = "--only-main-content", description = "Keep the article; drop nav, footer, ads, banners, comments.")
    boolean onlyMainContent;

    @Option(names = "--include-tags", split = ",", paramLabel = "SELECTOR", description = "Only convert elements matching these CSS selectors.")
    List<String> includeTags = new ArrayList<>();

    @Option(names = "--exclude-tags", split = ",", paramLabel = "SELECTOR", description = "Remove elements matching these CSS selectors first.")
    List<String> excludeTags = new ArrayList<>();

    @Option(names = "--heading-style", paramLabel = "atx|setext", description = "Markdown headings (default: atx).")
    String headingStyle;
    @Option(names = "--hr", paramLabel = "TEXT", description = "Markdown thematic break (default: * * *).")
    String hr;
    @Option(names = "--bullet-list-marker", paramLabel = "*|-|+", description = "Markdown bullet (default: -).")
    String bulletListMarker;
    @Option(names = "--code-block-style", paramLabel = "fenced|indented", description = "Markdown code blocks (default: fenced).")
    String codeBlockStyle;
    @Option(names = "--fence", paramLabel = "```|~~~", description = "Markdown code fence (default: ```).")
    String fence;
    @Option(names = "--em-delimiter", paramLabel = "_|*", description = "Markdown emphasis (default: _).")
    String emDelimiter;
    @Option(names = "--strong-delimiter", paramLabel = "**|__", description = "Markdown strong emphasis (default: **).")
    String strongDelimiter;
    @Option(names = "--link-style", paramLabel = "inlined|referenced", description = "Markdown links (default: inlined).")
    String linkStyle;
    @Option(names = "--link-reference-style", paramLabel = "full|collapsed|shortcut", description = "Reference links (default: full).")
    String linkReferenceStyle;
    @Option(names = "--br", paramLabel = "TEXT", description = "Text before a hard line break's newline (default: two spaces).")
    String br;

    /** Writes these flags into a capture spec under the API's names ({@code markdown} holds turndown's names). */
    void putInto(ObjectNode spec) {
        spec.put("onlyMainContent", onlyMainContent);
        if (!includeTags.isEmpty()) includeTags.forEach(spec.putArray("includeTags")::add);
        if (!excludeTags.isEmpty()) excludeTags.forEach(spec.putArray("excludeTags")::add);
        ObjectNode md = Jackson.MAPPER.createObjectNode();
        given().forEach((k, v) -> {
            if (v != null) md.put(k, v);
        });
        if (!md.isEmpty()) spec.set("markdown", md);
    }

    private Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("headingStyle", headingStyle);
        given.put("hr", hr);
        given.put("bulletListMarker", bulletListMarker);
        given.put("codeBlockStyle", codeBlockStyle);
        given.put("fence", fence);
        given.put("emDelimiter", emDelimiter);
        given.put("strongDelimiter", strongDelimiter);
        given.put("linkStyle", linkStyle);
        given.put("linkReferenceStyle", linkReferenceStyle);
        given.put("br", br);
        return given;
    }

    /** @throws InvalidRequestException naming the option (turndown's name) whose value is not allowed */
    public ContentOptions toContentOptions() {
        MarkdownOptions markdown = MarkdownOptions.DEFAULTS;
        for (Map.Entry<String, String> e : given().entrySet()) {
            if (e.getValue() == null) continue;
            try {
                markdown = markdown.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                String problem = ex.getMessage().startsWith(e.getKey() + ": ")
                        ? ex.getMessage().substring(e.getKey().length() + 2) : ex.getMessage();
                throw new InvalidRequestException(e.getKey(), problem);
            }
        }
        return new ContentOptions(onlyMainContent, includeTags, excludeTags, markdown);
    }
}
