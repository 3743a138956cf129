package io.pagelens.cli;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Clip;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.Format;
import io.pagelens.capture.ImageType;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.PdfOptions;
import io.pagelens.capture.Viewport;
import io.pagelens.capture.WaitUntil;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every option of {@code pagelens capture} that shapes a {@link CaptureRequest}, in one place, mirroring the
 * request's fields. {@link #toRequest(String)} validates through the request's builder, whose errors name the field.
 */
public final class CaptureOptions {
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

    @Option(names = "--pdf-paper", paramLabel = "a4|a3|letter|legal", description = "PDF paper size (default: a4).")
    String pdfPaper = "a4";

    @Option(names = "--pdf-landscape", description = "PDF in landscape.")
    boolean pdfLandscape;

    @Option(names = "--pdf-no-background", description = "PDF without background graphics.")
    boolean pdfNoBackground;

    /** The request for one URL; throws {@link InvalidRequestException} naming the option's field. */
    public CaptureRequest toRequest(String url) {
        CaptureRequest.Builder b = CaptureRequest.builder(url);
        Set<Format> fs = EnumSet.noneOf(Format.class);
        for (String f : formats) fs.add(parse("format", () -> Format.parse(f)));
        if (fs.isEmpty()) fs.add(Format.SCREENSHOT);
        b.formats(fs);
        b.imageType(parse("type", () -> ImageType.parse(type)));
        if (quality != null) b.quality(quality);
        b.fullPage(fullPage);
        if (maxHeight != null) b.maxHeight(maxHeight);
        b.viewport(parse("viewport", () -> new Viewport(width, height, scale)));
        b.selector(selector);
        if (clip != null) b.clip(parse("clip", () -> parseClip(clip)));
        b.darkMode(dark);
        b.omitBackground(omitBackground);
        b.waitUntil(parse("waitUntil", () -> WaitUntil.parse(waitUntil)));
        b.waitForSelector(waitFor);
        b.delay(Duration.ofMillis(delayMs));
        if (timeoutMs != null) b.timeout(Duration.ofMillis(timeoutMs));
        b.waitForFonts(!noFontsWait);
        b.autoScroll(autoScroll);
        b.blockResourceTypes(Set.copyOf(block));
        b.blockUrlPatterns(blockUrls);
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) throw new InvalidRequestException("header", "expected NAME:VALUE, was '" + header + "'");
            h.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        b.headers(h);
        b.userAgent(userAgent);
        List<Cookie> cs = new ArrayList<>();
        for (String c : cookies) {
            int eq = c.indexOf('=');
            if (eq <= 0) throw new InvalidRequestException("cookie", "expected NAME=VALUE, was '" + c + "'");
            cs.add(new Cookie(c.substring(0, eq).trim(), c.substring(eq + 1), null, null));
        }
        b.cookies(cs);
        b.allowHttpErrors(allowHttpErrors);
        b.content(content.toContentOptions());
        PdfOptions paper = parse("pdfPaper", () -> PdfOptions.paper(pdfPaper));
        b.pdf(new PdfOptions(paper.paperWidth(), paper.paperHeight(), paper.marginTop(), paper.marginBottom(),
                paper.marginLeft(), paper.marginRight(), pdfLandscape, !pdfNoBackground));
        return b.build();
    }

    private static Clip parseClip(String s) {
        String[] p = s.split(",");
        if (p.length != 4) throw new IllegalArgumentException("expected X,Y,W,H, was '" + s + "'");
        return new Clip(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
    }

    private static <T> T parse(String field, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
