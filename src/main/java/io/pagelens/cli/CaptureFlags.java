package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.Viewport;
import io.pagelens.json.Jackson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags of {@code pagelens capture} that shape the capture, in one place: a picocli mixin whose
 * {@link #toSpec()} writes them under the API's field names.
 */
public final class CaptureFlags {
    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Outputs, comma-separated: screenshot, html, markdown, text, links, metadata, pdf (default: screenshot).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--type", paramLabel = "png|jpeg|webp", description = "Screenshot encoding (default: png).")
    String type = "png";

    @Option(names = "--quality", description = "JPEG/WebP quality 0-100 (default: 80).")
    Integer quality;

    @Option(names = "--full-page", description = "Capture the whole page (in tiles), up to --max-height.")
    boolean fullPage;

    @Option(names = "--max-height", description = "Full-page cap in CSS px (default: 20000).")
    Integer maxHeight;

    @Option(names = "--width", description = "Viewport width in CSS px (default: 1280).")
    int width = Viewport.DESKTOP.width();

    @Option(names = "--height", description = "Viewport height in CSS px (default: 800).")
    int height = Viewport.DESKTOP.height();

    @Option(names = "--scale", description = "Device scale factor 0.5-4 (default: 1).")
    double scale = 1;

    @Option(names = "--selector", description = "Capture only the first element matching this CSS selector.")
    String selector;

    @Option(names = "--clip", paramLabel = "X,Y,W,H", description = "Capture this rectangle of the page (CSS px).")
    String clip;

    @Option(names = "--dark", description = "Emulate prefers-color-scheme: dark.")
    boolean dark;

    @Option(names = "--omit-background", description = "Transparent background where the page has none (png/webp).")
    boolean omitBackground;

    @Option(names = "--wait-until", paramLabel = "load|domcontentloaded|networkidle", description = "When navigation counts as done (default: load).")
    String waitUntil = "load";

    @Option(names = "--wait-for", paramLabel = "SELECTOR", description = "Wait until an element matches this CSS selector.")
    String waitFor;

    @Option(names = "--delay", paramLabel = "MS", description = "Extra wait in milliseconds before capturing.")
    long delayMs;

    @Option(names = "--timeout", paramLabel = "MS", description = "Hard limit on the whole capture in milliseconds (default: 30000).")
    Long timeoutMs;

    @Option(names = "--no-fonts-wait", description = "Do not wait for document.fonts.ready.")
    boolean noFontsWait;

    @Option(names = "--auto-scroll", description = "Scroll through the page first so lazy images load.")
    boolean autoScroll;

    @Option(names = "--block", split = ",", paramLabel = "TYPE", description = "Block resource types: image, font, stylesheet, script, media, ...")
    List<String> block = new ArrayList<>();

    @Option(names = "--block-url", paramLabel = "PATTERN", description = "Block URLs matching this pattern (* is a wildcard); repeatable.")
    List<String> blockUrls = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Extra HTTP header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--user-agent", description = "User-Agent to send.")
    String userAgent;

    @Option(names = "--cookie", paramLabel = "NAME=VALUE", description = "Cookie for the page's host; repeatable.")
    List<String> cookies = new ArrayList<>();

    @Option(names = "--allow-http-errors", description = "Capture 4xx/5xx pages instead of failing.")
    boolean allowHttpErrors;

    /** Markdown/text/links scope and Markdown style, shared with {@code pagelens markdown}. */
    @Mixin
    ContentFlags content = new ContentFlags();

    /** Banners, ads, actions, injection, devices and locales (issue 14). */
    @Mixin
    CleanFlags clean = new CleanFlags();

    @Option(names = "--pdf-paper", paramLabel = "a4|a3|letter|legal", description = "PDF paper size (default: a4).")
    String pdfPaper = "a4";

    @Option(names = "--pdf-landscape", description = "PDF in landscape.")
    boolean pdfLandscape;

    @Option(names = "--pdf-no-background", description = "PDF without background graphics.")
    boolean pdfNoBackground;

    @Option(names = "--stable-render", negatable = true, description = "Freeze animations, videos and GIFs, hide the caret, wait "
            + "for fonts before any output, so two captures of an unchanged page diff to nothing (default: on with --variant).")
    Boolean stableRender;

    /**
     * The flags as the API body names them: the one input form, so the CLI and the API share one builder and one
     * validation ({@link io.pagelens.pipeline.CaptureOrder#from}). Only NAME:VALUE and NAME=VALUE shapes are checked
     * here; errors name the API field, which {@link FlagNames} turns back into the flag.
     */
    ObjectNode toSpec() {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        ArrayNode fs = n.putArray("formats");
        formats.forEach(fs::add);
        if (formats.isEmpty()) fs.add("screenshot");
        n.put("format", type);
        if (quality != null) n.put("quality", quality);
        n.put("fullPage", fullPage);
        if (maxHeight != null) n.put("maxHeight", maxHeight);
        n.putObject("viewport").put("width", width).put("height", height);
        n.put("deviceScaleFactor", scale);
        if (selector != null) n.put("selector", selector);
        if (clip != null) {
            double[] c = parseClip(clip);
            n.putObject("clip").put("x", c[0]).put("y", c[1]).put("width", c[2]).put("height", c[3]);
        }
        n.put("darkMode", dark);
        n.put("omitBackground", omitBackground);
        n.put("waitUntil", waitUntil);
        if (waitFor != null) n.put("waitFor", waitFor);
        n.put("delay", delayMs);
        if (timeoutMs != null) n.put("timeout", timeoutMs);
        n.put("waitForFonts", !noFontsWait);
        n.put("autoScroll", autoScroll);
        if (!block.isEmpty()) block.forEach(n.putArray("blockResources")::add);
        if (!blockUrls.isEmpty()) blockUrls.forEach(n.putArray("blockUrls")::add);
        if (!headers.isEmpty()) {
            ObjectNode h = n.putObject("headers");
            for (String header : headers) {
                int colon = header.indexOf(':');
                // never echo the flag: its value is a secret (an Authorization header)
                if (colon <= 0) throw new InvalidRequestException("headers", "expected NAME:VALUE (a header without ':')");
                h.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        if (userAgent != null) n.put("userAgent", userAgent);
        if (!cookies.isEmpty()) {
            ArrayNode cs = n.putArray("cookies");
            for (String c : cookies) {
                int eq = c.indexOf('=');
                if (eq <= 0) throw new InvalidRequestException("cookies", "expected NAME=VALUE (a cookie without '=')");
                cs.addObject().put("name", c.substring(0, eq).trim()).put("value", c.substring(eq + 1));
            }
        }
        n.put("allowHttpErrors", allowHttpErrors);
        content.putInto(n);
        n.putObject("pdf").put("paper", pdfPaper).put("landscape", pdfLandscape).put("printBackground", !pdfNoBackground);
        clean.putInto(n);
        if (stableRender != null) n.putObject("analysis").put("stableRender", stableRender);
        return n;
    }

    private static double[] parseClip(String s) {
        String[] p = s.split(",");
        if (p.length != 4) throw new InvalidRequestException("clip", "expected X,Y,W,H, was '" + s + "'");
        double[] out = new double[4];
        try {
            for (int i = 0; i < 4; i++) out[i] = Double.parseDouble(p[i].trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("clip", "expected four numbers X,Y,W,H, was '" + s + "'");
        }
        return out;
    }
}
