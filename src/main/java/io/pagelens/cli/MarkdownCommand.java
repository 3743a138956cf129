package io.pagelens.cli;

import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.content.PageContent;
import io.pagelens.json.Jackson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pagelens markdown}: converts saved HTML (stdin or a file) to Markdown with no browser.
 * The content flags ({@link ContentFlags}) are shared with {@code pagelens capture}.
 */
@Command(name = "markdown", mixinStandardHelpOptions = true,
        description = "Convert HTML from stdin (or --input) to Markdown without starting a browser.")
public final class MarkdownCommand implements Callable<Integer> {
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", description = "HTML file to read; default: stdin. Charset from a BOM or <meta charset>, else UTF-8.")
    Path input;

    @Option(names = "--base-url", paramLabel = "URL", description = "Page URL that relative links and images resolve against.")
    String baseUrl;

    @Mixin
    ContentFlags content = new ContentFlags();

    @Option(names = "--output", paramLabel = "KIND", defaultValue = "markdown",
            description = "What to print: markdown (default), text, or json (markdown, text, links and metadata).")
    String output;

    @Override
    public Integer call() throws IOException {
        URI base = baseUri();
        String html = read();
        PageContent page;
        try {
            page = new HtmlContentExtractor().extract(html, base, content.toContentOptions());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case "markdown" -> out.println(page.markdown());
            case "text" -> out.println(page.text());
            case "json" -> out.println(Jackson.PRETTY.writeValueAsString(page));
            default -> throw new ParameterException(spec.commandLine(),
                    "--output: '" + output + "' is not one of markdown, text, json");
        }
        out.flush();
        return 0;
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
        byte[] bytes;
        if (input != null) {
            if (!Files.isRegularFile(input)) throw new ParameterException(spec.commandLine(), "--input: no file at " + input);
            bytes = Files.readAllBytes(input);
        } else {
            InputStream in = System.in;
            bytes = in.readAllBytes();
        }
        return new String(bytes, charsetOf(bytes));
    }

    /** Saved pages are not all UTF-8: a BOM, else the {@code <meta charset>} near the top, else UTF-8. */
    static Charset charsetOf(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                // an unknown or misspelled charset: read as UTF-8, the web's default
            }
        }
        return StandardCharsets.UTF_8;
    }
}
