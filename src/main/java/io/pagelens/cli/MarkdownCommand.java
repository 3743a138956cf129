package io.pagelens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pagelens.content.ContentOptions;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.content.MarkdownOptions;
import io.pagelens.content.PageContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pagelens markdown}: converts saved HTML (stdin or a file) to Markdown with no browser.
 * Markdown options carry turndown's names as kebab-case flags.
 */
@Command(name = "markdown", mixinStandardHelpOptions = true,
        description = "Convert HTML from stdin (or --input) to Markdown without starting a browser.")
public final class MarkdownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "HTML file to read (UTF-8); default: stdin.")
    Path input;

    @Option(names = "--base-url", paramLabel = "URL", description = "Page URL that relative links and images resolve against.")
    String baseUrl;

    @Option(names = "--only-main-content", description = "Keep the article; drop nav, footer, ads, banners, comments.")
    boolean onlyMainContent;

    @Option(names = "--include-tags", split = ",", paramLabel = "SELECTOR", description = "Only convert elements matching these CSS selectors.")
    List<String> includeTags = new ArrayList<>();

    @Option(names = "--exclude-tags", split = ",", paramLabel = "SELECTOR", description = "Remove elements matching these CSS selectors first.")
    List<String> excludeTags = new ArrayList<>();

    @Option(names = "--output", paramLabel = "KIND", defaultValue = "markdown",
            description = "What to print: markdown (default), text, or json (markdown, text, links and metadata).")
    String output;

    @Option(names = "--heading-style", paramLabel = "atx|setext", description = "Default: atx.")
    String headingStyle;
    @Option(names = "--hr", paramLabel = "TEXT", description = "Thematic break. Default: * * *")
    String hr;
    @Option(names = "--bullet-list-marker", paramLabel = "*|-|+", description = "Default: -")
    String bulletListMarker;
    @Option(names = "--code-block-style", paramLabel = "fenced|indented", description = "Default: fenced.")
    String codeBlockStyle;
    @Option(names = "--fence", paramLabel = "```|~~~", description = "Default: ```")
    String fence;
    @Option(names = "--em-delimiter", paramLabel = "_|*", description = "Default: _")
    String emDelimiter;
    @Option(names = "--strong-delimiter", paramLabel = "**|__", description = "Default: **")
    String strongDelimiter;
    @Option(names = "--link-style", paramLabel = "inlined|referenced", description = "Default: inlined.")
    String linkStyle;
    @Option(names = "--link-reference-style", paramLabel = "full|collapsed|shortcut", description = "Default: full.")
    String linkReferenceStyle;
    @Option(names = "--br", paramLabel = "TEXT", description = "Text before a hard line break's newline. Default: two spaces.")
    String br;

    @Override
    public Integer call() throws IOException {
        ContentOptions options = new ContentOptions(onlyMainContent, includeTags, excludeTags, markdownOptions());
        URI base = baseUri();
        String html = read();
        PageContent content;
        try {
            content = new HtmlContentExtractor().extract(html, base, options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case "markdown" -> out.println(content.markdown());
            case "text" -> out.println(content.text());
            case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content));
            default -> throw new ParameterException(spec.commandLine(),
                    "--output: '" + output + "' is not one of markdown, text, json");
        }
        out.flush();
        return 0;
    }

    private MarkdownOptions markdownOptions() {
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
        MarkdownOptions options = MarkdownOptions.DEFAULTS;
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() == null) continue;
            try {
                options = options.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new ParameterException(spec.commandLine(), ex.getMessage(), ex);
            }
        }
        return options;
    }

    private URI baseUri() {
        if (baseUrl == null) return null;
        try {
            URI uri = new URI(baseUrl.strip());
            if (!uri.isAbsolute()) throw new URISyntaxException(baseUrl, "not an absolute URL");
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--base-url: '" + baseUrl + "' is not an absolute URL");
        }
    }

    private String read() throws IOException {
        if (input != null) {
            if (!Files.isRegularFile(input)) throw new ParameterException(spec.commandLine(), "--input: no file at " + input);
            return Files.readString(input, StandardCharsets.UTF_8);
        }
        InputStream in = System.in;
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
