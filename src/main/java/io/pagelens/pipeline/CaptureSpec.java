package io.pagelens.pipeline;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Clip;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.Format;
import io.pagelens.capture.ImageType;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.PdfOptions;
import io.pagelens.capture.Urls;
import io.pagelens.capture.Viewport;
import io.pagelens.capture.WaitUntil;
import io.pagelens.content.ContentOptions;
import io.pagelens.content.MarkdownOptions;
import io.pagelens.jobs.JobPriority;
import io.pagelens.json.Jackson;
import io.pagelens.url.WebUrl;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one input form of a capture: the body of {@code POST /v1/captures}, named as screenshot APIs name their options;
 * the CLI's flags and the crawler's page options fill one too. Every field is optional but {@code url}; times are
 * milliseconds. It is only input: {@link CaptureOrder#from(CaptureSpec)} validates it once, naming the API field at
 * fault, and the order (not this body) is what a job stores.
 *
 * @param format      screenshot encoding: png (default), jpeg or webp
 * @param formats     outputs: screenshot (default), html, markdown, text, links, metadata, pdf
 * @param waitFor     a CSS selector to wait for after navigation
 * @param delay       extra wait after everything else, in ms
 * @param waitForFonts wait for {@code document.fonts.ready} (default true)
 * @param autoScroll  scroll through the page first so lazy images load (default false)
 * @param timeout     limit on the capture itself once it started, in ms (default 30000)
 * @param deadline    the whole budget in ms from receipt, queue time included: a capture that cannot end within it
 *                    is refused or stopped, nothing stored (synchronous default and cap: PAGELENS_REQUEST_DEADLINE;
 *                    async default: none)
 * @param markdown    turndown-style Markdown options by name: headingStyle, hr, bulletListMarker, codeBlockStyle,
 *                    fence, emDelimiter, strongDelimiter, linkStyle, linkReferenceStyle, br
 * @param maxAge      accept a stored capture of the same key up to this old, in ms, instead of capturing
 * @param async       answer 202 with a job instead of waiting for the capture
 * @param priority    interactive, normal or crawl (default: interactive when synchronous, normal when async)
 * @param webhook     URL called (signed) when the job completes
 * @param analysis    stableRender (default: on with variantId), failOnMissingSelector, brand (see docs/analysis.md)
 * @param clean       cookie banners, ads/trackers/chats/social, page actions, css/script injection
 * @param emulate     device preset, geolocation, timezone, locale, colorScheme, reducedMotion, media
 * @param mask        elements hidden (layout kept) before any output: {@code {"selectors": ["#clock"]}} (monitors' ignore)
 */
public record CaptureSpec(
        String url, Boolean fullPage, String format, Integer quality, ViewportOption viewport, Double deviceScaleFactor,
        String selector, ClipOption clip, String waitUntil, String waitFor, Long delay, Boolean waitForFonts, Boolean autoScroll,
        Long timeout, Long deadline,
        List<String> blockResources, List<String> blockUrls, Boolean darkMode, Boolean omitBackground,
        List<String> formats, Boolean onlyMainContent, List<String> includeTags, List<String> excludeTags,
        Map<String, String> markdown, Long maxAge, String projectId, String pageType, String variantId, Map<String, String> headers,
        String userAgent, List<CookieOption> cookies, Integer maxHeight, Boolean allowHttpErrors, PdfOption pdf,
        String webhook, Boolean async, String priority, AnalysisOption analysis, CleanSpec clean, EmulateSpec emulate,
        MaskOption mask) {

    public record ViewportOption(Integer width, Integer height) {
    }

    public record ClipOption(Double x, Double y, Double width, Double height) {
    }

    public record CookieOption(String name, String value, String domain, String path) {
    }

    /** @param selectors CSS selectors of the elements to hide */
    public record MaskOption(List<String> selectors) {
    }

    /** @param paper a4 (default), a3, letter or legal */
    public record PdfOption(String paper, Boolean landscape, Boolean printBackground) {
    }

    /**
     * The analysis options of a capture (issue 13).
     *
     * @param stableRender          freeze animations, videos and GIFs, hide the caret, wait for fonts; default on
     *                              when the capture has a variantId, else off
     * @param failOnMissingSelector a variant mutation that matches no element fails the capture (default false: the
     *                              report says matched: 0)
     * @param brand                 add the page's brand profile to the report as steps.brand (default false)
     */
    public record AnalysisOption(Boolean stableRender, Boolean failOnMissingSelector, Boolean brand) {
    }

    /** The same options for another page (a batch line, a crawled link); the URL is checked when the order is built. */
    public CaptureSpec withUrl(String otherUrl) {
        try {
            return Jackson.STRICT.forType(CaptureSpec.class).readValue(
                    ((com.fasterxml.jackson.databind.node.ObjectNode) Jackson.MAPPER.valueToTree(this)).put("url", otherUrl));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the caller wants 202 and a job instead of waiting (not a bean getter, so it never shows up as JSON). */
    public boolean runsAsync() {
        return Boolean.TRUE.equals(async);
    }

    /** The capture as the engine takes it, without a variant; throws {@link InvalidRequestException} naming the field. */
    CaptureRequest toRequest() {
        return toRequest(null);
    }

    /**
     * The capture as the engine takes it, with the variant {@code variantId} resolved to (null when there is none);
     * throws {@link InvalidRequestException} naming the field.
     */
    CaptureRequest toRequest(VariantLookup.Variant variant) {
        CaptureRequest.Builder b = CaptureRequest.builder(url);
        b.analysis(analysisOptions(variant));
        if (fullPage != null) b.fullPage(fullPage);
        if (format != null) b.imageType(field("format", () -> ImageType.parse(format)));
        if (quality != null) b.quality(quality);
        if (viewport != null || deviceScaleFactor != null) {
            Viewport d = Viewport.DESKTOP;
            int w = viewport != null && viewport.width() != null ? viewport.width() : d.width();
            int h = viewport != null && viewport.height() != null ? viewport.height() : d.height();
            double s = deviceScaleFactor != null ? deviceScaleFactor : d.deviceScaleFactor();
            String f = deviceScaleFactor != null && (viewport == null || (viewport.width() == null && viewport.height() == null))
                    ? "deviceScaleFactor" : "viewport";
            b.viewport(field(f, () -> new Viewport(w, h, s)));
        }
        if (selector != null) b.selector(selector);
        if (clip != null) {
            if (clip.x() == null || clip.y() == null || clip.width() == null || clip.height() == null) {
                throw new InvalidRequestException("clip", "needs x, y, width and height");
            }
            b.clip(field("clip", () -> new Clip(clip.x(), clip.y(), clip.width(), clip.height())));
        }
        if (waitUntil != null) b.waitUntil(field("waitUntil", () -> WaitUntil.parse(waitUntil)));
        if (waitFor != null) {
            if (waitFor.isBlank()) throw new InvalidRequestException("waitFor", "must be a CSS selector");
            b.waitForSelector(waitFor);
        }
        if (delay != null) b.delay(Duration.ofMillis(delay));
        if (waitForFonts != null) b.waitForFonts(waitForFonts);
        if (autoScroll != null) b.autoScroll(autoScroll);
        if (timeout != null) b.timeout(Duration.ofMillis(timeout));
        if (blockResources != null) b.blockResourceTypes(Set.copyOf(blockResources));
        if (blockUrls != null) b.blockUrlPatterns(blockUrls);
        if (darkMode != null) b.darkMode(darkMode);
        if (omitBackground != null) b.omitBackground(omitBackground);
        if (formats != null) {
            Set<Format> fs = EnumSet.noneOf(Format.class);
            for (String f : formats) fs.add(field("formats", () -> Format.parse(f)));
            b.formats(fs);
        }
        if (onlyMainContent != null || includeTags != null || excludeTags != null || markdown != null) {
            b.content(new ContentOptions(Boolean.TRUE.equals(onlyMainContent), includeTags, excludeTags, markdownOptions()));
        }
        if (headers != null) b.headers(headers);
        if (userAgent != null) b.userAgent(userAgent);
        if (cookies != null) {
            b.cookies(field("cookies", () -> cookies.stream().map(c -> new Cookie(c.name(), c.value(), c.domain(), c.path())).toList()));
        }
        if (maxHeight != null) b.maxHeight(maxHeight);
        if (allowHttpErrors != null) b.allowHttpErrors(allowHttpErrors);
        if (pdf != null) {
            b.pdf(field("pdf", () -> {
                PdfOptions p = PdfOptions.paper(pdf.paper() == null ? "a4" : pdf.paper());
                return new PdfOptions(p.paperWidth(), p.paperHeight(), p.marginTop(), p.marginBottom(), p.marginLeft(),
                        p.marginRight(), Boolean.TRUE.equals(pdf.landscape()), pdf.printBackground() == null || pdf.printBackground());
            }));
        }
        CleanSpecs.apply(this, b);
        if (mask != null) b.mask(field("mask", () -> new io.pagelens.capture.MaskOptions(mask.selectors())));
        return b.build();
    }

    private io.pagelens.capture.AnalysisOptions analysisOptions(VariantLookup.Variant variant) {
        AnalysisOption a = analysis == null ? new AnalysisOption(null, null, null) : analysis;
        boolean stable = a.stableRender() != null ? a.stableRender() : variant != null;
        if (Boolean.TRUE.equals(a.failOnMissingSelector()) && variant == null) {
            throw new InvalidRequestException("analysis.failOnMissingSelector", "needs variantId (only a variant's mutations have selectors)");
        }
        return new io.pagelens.capture.AnalysisOptions(stable, variant == null ? null : variant.name(),
                variant == null ? null : variant.mutations(), Boolean.TRUE.equals(a.failOnMissingSelector()), Boolean.TRUE.equals(a.brand()));
    }

    /** Turndown-style Markdown options by name ({@code {"headingStyle": "setext"}}); errors name {@code markdown.NAME}. */
    private MarkdownOptions markdownOptions() {
        MarkdownOptions m = MarkdownOptions.DEFAULTS;
        if (markdown == null) return m;
        for (Map.Entry<String, String> e : markdown.entrySet()) {
            MarkdownOptions base = m;
            try {
                m = base.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                // MarkdownOptions names the option itself ("fence: ..."); the field path says it already
                String prefix = e.getKey() + ": ";
                String problem = ex.getMessage().startsWith(prefix) ? ex.getMessage().substring(prefix.length()) : ex.getMessage();
                throw new InvalidRequestException("markdown." + e.getKey(), problem);
            }
        }
        return m;
    }

    /** The priority asked for, or {@code dflt}; throws naming {@code priority}. */
    JobPriority priorityOr(JobPriority dflt) {
        return priority == null ? dflt : field("priority", () -> JobPriority.parse(priority));
    }

    /** The webhook as it is called, or null for none; throws naming {@code webhook} when it is not acceptable. */
    URI webhookUri() {
        return webhook == null ? null : webhookUrl(webhook);
    }

    /**
     * An absolute http(s) URL without credentials: a receiver authenticates deliveries by their signature, and
     * a password in the URL would sit in the job table and in logs. (Which hosts may be called is the SSRF
     * guard's decision, not made here.)
     */
    static URI webhookUrl(String raw) {
        WebUrl url = Urls.parseWebUrl(raw, "webhook");
        if (url.hasCredentials()) { // read from the WHATWG parse: URI.getRawUserInfo() is null for hosts like my_host
            throw new InvalidRequestException("webhook", "must not contain credentials (user:password@); receivers verify the X-Pagelens-Signature header instead");
        }
        return url.toUri();
    }

    /** Runs a value constructor, turning its IllegalArgumentException into one that names {@code field}. */
    static <T> T field(String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
